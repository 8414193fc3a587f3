package nl.wijkopmaat.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each party around an initiative gets the inbox item that fits them, and nobody else does. */
@MicronautTest(transactional = false)
class InitiativeNoticesTest {

    private static final String TITLE = "Bankjes op het plein";

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    NotificationRepository notifications;

    MunicipalityView municipality;
    Person author;
    Person supporter;
    Person chair;
    Person otherChair;
    Person owner;
    Person colleague;
    Person neighbour;
    String id;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id());
        WijkDetail otherWijk = fixtures.wijk(municipality.id());
        author = fixtures.resident(municipality.id());
        supporter = fixtures.resident(municipality.id());
        neighbour = fixtures.resident(municipality.id());
        chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        otherChair = fixtures.withRole(municipality.id(), Role.CHAIR, otherWijk.wijkplatform().id());
        owner = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        colleague = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        Map<String, Object> content = new HashMap<>(Map.of("title", TITLE, "description", "Zitplekken voor ouderen.",
                "theme", "OUDEREN", "wijkId", wijk.id().toString(), "requestedBudgetCents", 40_000));
        id = ok(api.post("/api/v1/initiatives").token(author.accessToken()).json(content).send()).text("/id");
    }

    private static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
        return response;
    }

    private void step(Person actor, String action) {
        ok(api.post("/api/v1/initiatives/" + id + "/status-changes").token(actor.accessToken())
                .json(Map.of("action", action)).send());
    }

    private void review(Person actor, String decision) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", decision));
        if (!decision.equals("APPROVE")) {
            body.put("reason", "Graag een tekening erbij");
        }
        ok(api.post("/api/v1/initiatives/" + id + "/reviews").token(actor.accessToken()).json(body).send());
    }

    /** Submitted, supported, and given to the owner by a colleague. */
    private void inReview() {
        step(author, "SUBMIT");
        ok(api.post("/api/v1/initiatives/" + id + "/supports").token(supporter.accessToken()).send());
        ok(api.put("/api/v1/initiatives/" + id + "/owner").token(colleague.accessToken())
                .json(Map.of("ownerId", owner.id().toString())).send());
    }

    /** The person's inbox, newest first. */
    private List<JsonNode> inbox(Person person) {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/v1/notifications").token(person.accessToken()).query("limit", 100).send().json().get("items")
                .forEach(items::add);
        return items;
    }

    private List<String> kinds(Person person) {
        return inbox(person).stream().map(item -> item.get("kind").asText()).toList();
    }

    private static void assertItem(JsonNode item, String kind, String category, String title) {
        assertThat(item.get("kind").asText()).isEqualTo(kind);
        assertThat(item.get("category").asText()).isEqualTo(category);
        assertThat(item.get("title").asText()).isEqualTo(title);
        assertThat(item.get("resourceId").asText()).isNotBlank();
    }

    @Test
    void aSubmissionTellsTheChairOfTheWijkAndEveryOfficialThatItWaitsForAnOwner() {
        step(author, "SUBMIT");

        assertThat(inbox(chair)).singleElement().satisfies(item -> assertItem(item, "INITIATIVE_SUBMITTED",
                "INITIATIVES_TO_HANDLE", "Nieuw initiatief in uw wijk"));
        for (Person official : List.of(owner, colleague)) {
            assertThat(inbox(official)).singleElement().satisfies(item -> {
                assertItem(item, "INITIATIVE_SUBMITTED", "INITIATIVES_TO_HANDLE", "Initiatief zoekt een behandelaar");
                assertThat(item.get("body").asText()).isEqualTo("\"" + TITLE + "\" is ingediend en heeft nog geen behandelaar.");
            });
        }
        assertThat(inbox(author)).as("the author acted").isEmpty();
        assertThat(inbox(otherChair)).as("another wijk").isEmpty();
        assertThat(inbox(neighbour)).isEmpty();
    }

    @Test
    void anAssignmentTellsTheOwnerTheAuthorAndSupportersEachInTheirOwnWords() {
        inReview();

        assertItem(inbox(owner).get(0), "INITIATIVE_OWNER_ASSIGNED", "INITIATIVES_TO_HANDLE", "U bent behandelaar");
        assertItem(inbox(author).get(0), "INITIATIVE_OWNER_ASSIGNED", "MY_INITIATIVES", "Uw initiatief heeft een behandelaar");
        assertThat(inbox(supporter)).singleElement().satisfies(item -> assertItem(item, "INITIATIVE_OWNER_ASSIGNED",
                "SUPPORTED_INITIATIVES", "Initiatief in behandeling"));
        assertThat(kinds(colleague)).as("the colleague who assigned").doesNotContain("INITIATIVE_OWNER_ASSIGNED");
        assertThat(kinds(chair)).doesNotContain("INITIATIVE_OWNER_ASSIGNED");
    }

    @Test
    void aResubmissionGoesBackToTheOwnerAndTellsTheChairButNotTheOtherOfficials() {
        inReview();
        review(owner, "REQUEST_CHANGES");
        step(author, "RESUBMIT");

        assertItem(inbox(owner).get(0), "INITIATIVE_OWNER_ASSIGNED", "INITIATIVES_TO_HANDLE", "Initiatief weer bij u");
        assertItem(inbox(author).get(0), "INITIATIVE_OWNER_ASSIGNED", "MY_INITIATIVES",
                "Uw initiatief ligt weer bij de behandelaar");
        assertItem(inbox(chair).get(0), "INITIATIVE_RESUBMITTED", "INITIATIVES_TO_HANDLE",
                "Initiatief in uw wijk opnieuw ingediend");
        assertThat(kinds(colleague)).as("it does not wait for an owner").containsExactly("INITIATIVE_SUBMITTED");
        assertThat(kinds(supporter)).as("the resubmission, not the owner taking it back").containsExactly(
                "INITIATIVE_RESUBMITTED", "INITIATIVE_CHANGES_REQUESTED", "INITIATIVE_OWNER_ASSIGNED");
        assertThat(inbox(supporter).get(0).get("title").asText()).isEqualTo("Initiatief opnieuw ingediend");
    }

    @Test
    void aResubmissionWhoseOwnerLeftTellsTheOfficialsItWaitsForAnOwner() {
        inReview();
        review(owner, "REQUEST_CHANGES");
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        String staff = "/api/v1/municipalities/" + municipality.id() + "/staff";
        for (JsonNode assignment : api.get(staff).token(admin.accessToken()).query("limit", 100).send().json().get("items")) {
            if (assignment.get("accountId").asText().equals(owner.id().toString())) {
                ok(api.delete(staff + "/" + assignment.get("id").asText()).token(admin.accessToken()).send());
            }
        }
        step(author, "RESUBMIT");

        assertItem(inbox(colleague).get(0), "INITIATIVE_RESUBMITTED", "INITIATIVES_TO_HANDLE",
                "Initiatief zoekt een behandelaar");
        assertThat(inbox(colleague).get(0).get("body").asText()).endsWith("heeft een nieuwe behandelaar nodig.");
        assertThat(kinds(owner)).as("no official any more").doesNotContain("INITIATIVE_RESUBMITTED")
                .containsOnlyOnce("INITIATIVE_OWNER_ASSIGNED");
        assertItem(inbox(chair).get(0), "INITIATIVE_RESUBMITTED", "INITIATIVES_TO_HANDLE",
                "Initiatief in uw wijk opnieuw ingediend");
    }

    @Test
    void aDecisionOfTheChairIsToldToTheOwnerTheAuthorAndSupporters() {
        inReview();
        review(chair, "APPROVE");

        assertItem(inbox(owner).get(0), "INITIATIVE_APPROVED", "INITIATIVES_TO_HANDLE", "Initiatief goedgekeurd");
        assertItem(inbox(author).get(0), "INITIATIVE_APPROVED", "MY_INITIATIVES", "Initiatief goedgekeurd");
        assertItem(inbox(supporter).get(0), "INITIATIVE_APPROVED", "SUPPORTED_INITIATIVES", "Initiatief goedgekeurd");
        assertThat(kinds(chair)).as("the chair decided").doesNotContain("INITIATIVE_APPROVED");
        assertThat(kinds(colleague)).doesNotContain("INITIATIVE_APPROVED");
    }

    @Test
    void aWithdrawalIsToldToTheOwnerTheChairAndSupporters() {
        inReview();
        step(author, "WITHDRAW");

        for (Person party : List.of(owner, chair)) {
            assertItem(inbox(party).get(0), "INITIATIVE_WITHDRAWN", "INITIATIVES_TO_HANDLE", "Initiatief ingetrokken");
        }
        assertItem(inbox(supporter).get(0), "INITIATIVE_WITHDRAWN", "SUPPORTED_INITIATIVES", "Initiatief ingetrokken");
        assertThat(kinds(author)).doesNotContain("INITIATIVE_WITHDRAWN");
    }

    @Test
    void theWriterOfAHiddenCommentIsToldOnceWhy() {
        step(author, "SUBMIT");
        String comments = "/api/v1/initiatives/" + id + "/comments";
        String comment = ok(api.post(comments).token(neighbour.accessToken())
                .json(Map.of("body", "Die buurman van nummer 3 ...")).send()).text("/id");
        String reason = "Persoonlijke informatie over een buur";
        ok(api.put(comments + "/" + comment + "/hidden").token(chair.accessToken()).json(Map.of("reason", reason)).send());

        assertThat(inbox(neighbour)).singleElement().satisfies(item -> {
            assertItem(item, "INITIATIVE_COMMENT_HIDDEN", "MY_COMMENTS", "Uw reactie is verborgen");
            assertThat(item.get("body").asText()).isEqualTo("Uw reactie bij \"" + TITLE + "\" is verborgen. Reden: " + reason);
        });
        ApiResponse english = api.get("/api/v1/notifications").token(neighbour.accessToken()).header("Accept-Language", "en").send();
        assertThat(english.text("/items/0/title")).isEqualTo("Your comment was hidden");
        assertThat(english.text("/items/0/body")).endsWith("Reason: " + reason);

        ok(api.put(comments + "/" + comment + "/hidden").token(chair.accessToken()).json(Map.of("reason", reason)).send());
        assertThat(inbox(neighbour)).as("hidden once, told once").hasSize(1);
        assertThat(kinds(author)).containsExactly("INITIATIVE_COMMENTED");
        assertThat(kinds(chair)).doesNotContain("INITIATIVE_COMMENT_HIDDEN");
    }

    @Test
    void theHiddenCommentNoticeIsInTheWritersExportAndGoesWithTheirErasure() {
        step(author, "SUBMIT");
        String comments = "/api/v1/initiatives/" + id + "/comments";
        String comment = ok(api.post(comments).token(neighbour.accessToken()).json(Map.of("body", "Onzin!")).send()).text("/id");
        ok(api.put(comments + "/" + comment + "/hidden").token(owner.accessToken()).json(Map.of("reason", "Niet ter zake")).send());

        ApiResponse export = ok(api.get("/api/v1/me/export").token(neighbour.accessToken()).send());
        assertThat(export.text("/sections/notifications/inbox/0/kind")).isEqualTo("INITIATIVE_COMMENT_HIDDEN");
        assertThat(export.text("/sections/notifications/inbox/0/body")).endsWith("Reden: Niet ter zake");

        ok(fixtures.erase(neighbour));
        assertThat(api.get("/api/v1/notifications").token(neighbour.accessToken()).send().status()).isEqualTo(401);
        assertThat(notifications.inboxOf(neighbour.id())).isEmpty();
    }
}
