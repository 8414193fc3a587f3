package nl.wijkopmaat.initiative;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import nl.wijkopmaat.support.StatementCounter;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The initiative workspaces through HTTP: the board's page, the official's queue and what waits on
 * the municipality, and one initiative where an official assigns an owner and the owner or chair
 * reviews. Every read and step is refused to the wrong role, and the effects are checked through the API.
 */
@MicronautTest(transactional = false)
class InitiativeWorkspaceTest {

    private static final String ROLE_REFUSED = "U heeft niet de rol die hiervoor nodig is.";

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    StatementCounter statements;

    InitiativeWorld world;
    Person colleague;
    Person secretary;
    Person officialElsewhere;

    @BeforeEach
    void setUp() {
        world = new InitiativeWorld(api, fixtures);
        colleague = fixtures.withRole(world.municipality.id(), Role.OFFICIAL, world.municipality.id());
        secretary = fixtures.withRole(world.municipality.id(), Role.SECRETARY, world.wijk.wijkplatform().id());
        MunicipalityView elsewhere = fixtures.municipality();
        officialElsewhere = fixtures.withRole(elsewhere.id(), Role.OFFICIAL, elsewhere.id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private PortalClient signedIn(Person person) {
        PortalClient client = new PortalClient(server.getURL().toString());
        client.get("/inloggen");
        Page signedIn = client.post("/inloggen", Map.of("email", person.email(), "password", Fixtures.PASSWORD));
        assertThat(signedIn.status()).isEqualTo(303);
        return client;
    }

    private String submitted(String title) {
        ApiResponse created = api.post("/api/v1/initiatives").token(world.author.accessToken()).json(world.content(title)).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(world.status(world.author, id, "SUBMIT").status()).isEqualTo(201);
        return id;
    }

    private String inReview(String title) {
        String id = submitted(title);
        assertThat(world.assignOwner(world.official, id).status()).isEqualTo(200);
        return id;
    }

    private String minePath() {
        return "/werkplek/gemeente/" + world.municipality.id() + "/initiatieven";
    }

    private String waitingPath() {
        return "/werkplek/gemeente/" + world.municipality.id() + "/wachtend";
    }

    private String boardPath() {
        return "/werkplek/wijkplatform/" + world.wijk.wijkplatform().id() + "/initiatieven";
    }

    private static String detailPath(String id) {
        return "/werkplek/initiatieven/" + id;
    }

    private JsonNode initiative(String id) {
        ApiResponse read = world.get(world.official, id);
        assertThat(read.status()).isEqualTo(200);
        return read.json();
    }

    private int reviewCount(String id) {
        return api.get("/api/v1/initiatives/" + id + "/reviews").token(world.official.accessToken()).send().json()
                .get("items").size();
    }

    /** The table row of the initiative with this id, or null when the page has none. */
    private static String row(Page page, String id) {
        Matcher row = Pattern.compile("<tr[^>]*data-initiative=\"" + id + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page.html());
        return row.find() ? row.group(1) : null;
    }

    /** The ids of the initiative rows of the section under this heading id, in page order. */
    private static List<String> idsIn(Page page, String headingId) {
        int start = page.html().indexOf("id=\"" + headingId + "\"");
        assertThat(start).as("section " + headingId).isPositive();
        int end = page.html().indexOf("</section>", start);
        Matcher rows = Pattern.compile("data-initiative=\"([0-9a-f-]{36})\"").matcher(page.html().substring(start, end));
        List<String> ids = new ArrayList<>();
        while (rows.find()) {
            ids.add(rows.group(1));
        }
        return ids;
    }

    @Test
    void theWorkspaceListsTheInitiativeWorkspacesOfEveryRoleHeld() {
        Page official = signedIn(world.official).get("/werkplek");
        Page chair = signedIn(world.chair).get("/werkplek");
        Page board = signedIn(secretary).get("/werkplek");
        Page resident = signedIn(world.neighbour).get("/werkplek");

        assertThat(official.status()).isEqualTo(200);
        assertThat(official.html()).contains("href=\"" + minePath() + "\">Mijn initiatieven<",
                "href=\"" + waitingPath() + "\">Wacht op de gemeente<").doesNotContain(boardPath());
        String platformEntry = "href=\"" + boardPath() + "\">Initiatieven " + world.wijk.wijkplatform().name() + "<";
        assertThat(chair.html()).contains(platformEntry).doesNotContain(minePath());
        assertThat(board.html()).contains(platformEntry);
        assertThat(resident.html()).doesNotContain(boardPath(), minePath(), waitingPath());
    }

    @Test
    void theOfficialsQueueIsOrderedByDueDateMarksOverdueOnesInWordsAndTheOtherListsSplitByTerm() {
        clock.setTo(ZonedDateTime.parse("2026-11-02T10:00:00+01:00[Europe/Amsterdam]").toInstant());
        String late = submitted("Speeltuin opknappen aan de Haven");
        String alsoLate = submitted("Bankjes bij de vijver plaatsen");
        String inTime = submitted("Buurtfeest op het plein houden");
        String approved = world.inStatus("APPROVED", null);
        assertThat(world.assignOwner(world.official, late).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        assertThat(world.assignOwner(world.official, alsoLate).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(8));
        assertThat(world.assignOwner(world.official, inTime).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        String ownedByColleague = submitted("Geveltuinen in de Havenstraat");
        assertThat(api.put("/api/v1/initiatives/" + ownedByColleague + "/owner").token(colleague.accessToken())
                .json(Map.of("ownerId", colleague.id().toString())).send().status()).isEqualTo(200);
        String unowned = submitted("Moestuin achter het buurthuis");
        clock.advance(Duration.ofDays(6));

        PortalClient official = signedIn(world.official);
        Page queue = official.get(minePath());

        assertThat(queue.status()).isEqualTo(200);
        assertThat(idsIn(queue, "wachtrij-heading")).as("first due first").containsExactly(late, alsoLate, inTime);
        assertThat(row(queue, late)).contains("Te laat");
        assertThat(row(queue, alsoLate)).contains("Te laat");
        assertThat(row(queue, inTime)).doesNotContain("Te laat");
        assertThat(queue.html()).doesNotContain(approved, ownedByColleague, unowned);
        official.setCookie("wom_lang", "en");
        Page inEnglish = official.get(minePath());
        assertThat(row(inEnglish, late)).contains("Overdue");
        official.setCookie("wom_lang", "nl");

        Page waiting = official.get(waitingPath());
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(idsIn(waiting, "zonder-eigenaar-heading")).containsExactly(unowned);
        assertThat(idsIn(waiting, "te-laat-heading")).containsExactly(late, alsoLate);

        Page board = signedIn(world.chair).get(boardPath());
        assertThat(board.status()).isEqualTo(200);
        assertThat(idsIn(board, "beoordelen-heading")).containsExactly(inTime, ownedByColleague);
        assertThat(idsIn(board, "te-laat-heading")).containsExactly(late, alsoLate);
        assertThat(board.html()).contains("href=\"/werkplek/initiatieven/" + late + "\"");
        Page secretarysBoard = signedIn(secretary).get(boardPath());
        assertThat(secretarysBoard.status()).isEqualTo(200);
        assertThat(idsIn(secretarysBoard, "te-laat-heading")).containsExactly(late, alsoLate);
    }

    @Test
    void theListsArePagedByKeysetAndTheNextPageKeepsTheOtherListsPlace() {
        List<String> owned = new ArrayList<>();
        for (int n = 0; n < 21; n++) {
            owned.add(inReview("Initiatief nummer " + n));
        }
        PortalClient official = signedIn(world.official);

        Page first = official.get(minePath());
        List<String> firstIds = idsIn(first, "wachtrij-heading");
        Matcher next = Pattern.compile("href=\"([^\"]*vanaf=[^\"]*)\" rel=\"next\"").matcher(first.html());
        assertThat(next.find()).isTrue();
        Page second = official.get(next.group(1).replace("&amp;", "&"));
        List<String> secondIds = idsIn(second, "wachtrij-heading");

        assertThat(firstIds).hasSize(20);
        assertThat(secondIds).hasSize(1).doesNotContainAnyElementsOf(firstIds);
        List<String> all = new ArrayList<>(firstIds);
        all.addAll(secondIds);
        assertThat(all).containsExactlyInAnyOrderElementsOf(owned);
        assertThat(second.html()).doesNotContain("rel=\"next\"");

        var onPage = InitiativeWorkspacePages.Cursors.of(HttpRequest.GET("/lijst?vanaf-te-laat=elders"));
        assertThat(onPage.next("/lijst", InitiativeWorkspacePages.FROM, "verder"))
                .isEqualTo("/lijst?vanaf-te-laat=elders&vanaf=verder");
    }

    @Test
    void eachListPageCostsAFixedNumberOfStatementsWhateverItShows() {
        inReview("Initiatief nummer 0");
        submitted("Zonder eigenaar nummer 0");
        PortalClient official = signedIn(world.official);
        PortalClient chair = signedIn(world.chair);
        Map<String, Integer> forOne = statementsOfTheLists(official, chair);
        for (int n = 1; n < 22; n++) {
            inReview("Initiatief nummer " + n);
            submitted("Zonder eigenaar nummer " + n);
        }

        assertThat(statementsOfTheLists(official, chair)).isEqualTo(forOne);
    }

    private Map<String, Integer> statementsOfTheLists(PortalClient official, PortalClient chair) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, PortalClient> page : List.of(Map.entry(minePath(), official), Map.entry(waitingPath(), official),
                Map.entry(boardPath(), chair))) {
            page.getValue().get(page.getKey());
            statements.reset();
            assertThat(page.getValue().get(page.getKey()).status()).isEqualTo(200);
            counts.put(page.getKey(), statements.count());
        }
        return counts;
    }

    @Test
    void anOfficialAssignsAColleagueAsOwnerChosenFromTheOfficialsOfTheMunicipality() {
        String id = submitted("Speeltuin opknappen aan de Haven");
        PortalClient official = signedIn(world.official);

        Page detail = official.get(detailPath(id));
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.html()).contains("<option value=\"" + colleague.id() + "\"", "<option value=\"" + world.official.id() + "\"")
                .doesNotContain(officialElsewhere.id().toString(), "name=\"decision\"");

        Page notAnOfficial = official.post(detailPath(id) + "/eigenaar", Map.of("ownerId", world.neighbour.id().toString()));
        assertThat(notAnOfficial.status()).isEqualTo(400);
        assertThat(notAnOfficial.errorOf("ownerId")).isEqualTo("moet een ambtenaar van de gemeente van het initiatief zijn");
        assertThat(initiative(id).get("status").asText()).isEqualTo("SUBMITTED");
        Page nobody = official.post(detailPath(id) + "/eigenaar", Map.of("ownerId", ""));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.errorOf("ownerId")).isEqualTo("is verplicht");

        Page assigned = official.post(detailPath(id) + "/eigenaar", Map.of("ownerId", colleague.id().toString()));
        assertThat(assigned.status()).isEqualTo(303);
        assertThat(assigned.header("Location")).startsWith(detailPath(id));
        JsonNode after = initiative(id);
        assertThat(after.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(after.at("/owner/id").asText()).isEqualTo(colleague.id().toString());
        assertThat(after.at("/answerDueDate").asText()).isNotEmpty();
        Page shown = official.get(assigned.header("Location"));
        assertThat(shown.html()).contains("De eigenaar is toegewezen.", "In behandeling");
    }

    @Test
    void theOwnerReviewsARejectionNeedsAReasonBesideTheFieldAndWhatWasTypedIsKept() {
        String id = inReview("Speeltuin opknappen aan de Haven");
        PortalClient owner = signedIn(world.official);
        assertThat(owner.get(detailPath(id)).html()).contains("name=\"decision\" value=\"REJECT\"");

        Page noReason = owner.post(detailPath(id) + "/beoordeling", Map.of("decision", "REJECT", "reason", "  "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorOf("reason")).isEqualTo("is verplicht bij afwijzen of om aanpassingen vragen");
        assertThat(noReason.html()).contains("aria-invalid=\"true\"");
        String tooLong = "Te lang. ".repeat(250);
        Page kept = owner.post(detailPath(id) + "/beoordeling", Map.of("decision", "REJECT", "reason", tooLong));
        assertThat(kept.status()).isEqualTo(400);
        assertThat(kept.errorOf("reason")).isNotBlank();
        assertThat(kept.html()).contains(">" + tooLong + "</textarea>");
        assertThat(initiative(id).get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(reviewCount(id)).isZero();

        Page changes = owner.post(detailPath(id) + "/beoordeling",
                Map.of("decision", "REQUEST_CHANGES", "reason", "Graag een begroting erbij"));
        assertThat(changes.status()).isEqualTo(303);
        assertThat(initiative(id).get("status").asText()).isEqualTo("CHANGES_REQUESTED");
        JsonNode review = api.get("/api/v1/initiatives/" + id + "/reviews").token(world.official.accessToken()).send()
                .json().get("items").get(0);
        assertThat(review.get("decision").asText()).isEqualTo("REQUEST_CHANGES");
        assertThat(review.get("reason").asText()).isEqualTo("Graag een begroting erbij");
        Page after = owner.get(changes.header("Location"));
        assertThat(after.html()).contains("De beoordeling is vastgelegd.", "Graag een begroting erbij")
                .doesNotContain("name=\"decision\"");
    }

    @Test
    void theChairApprovesAndEachSeesOnlyTheStepsTheyMayTakeWhileTheServiceDecides() {
        String id = inReview("Speeltuin opknappen aan de Haven");

        Page ofColleague = signedIn(colleague).get(detailPath(id));
        assertThat(ofColleague.html()).contains("name=\"ownerId\"").doesNotContain("name=\"decision\"");
        Page ofSecretary = signedIn(secretary).get(detailPath(id));
        assertThat(ofSecretary.status()).isEqualTo(200);
        assertThat(ofSecretary.html()).doesNotContain("name=\"ownerId\"", "name=\"decision\"");
        PortalClient secretaryClient = signedIn(secretary);
        secretaryClient.get(detailPath(id));
        Page secretaryReviews = secretaryClient.post(detailPath(id) + "/beoordeling", Map.of("decision", "APPROVE", "reason", ""));
        assertThat(secretaryReviews.status()).as("the secretary prepares, the chair decides").isEqualTo(403);
        assertThat(secretaryReviews.html()).contains("U mag deze stap in de levensloop van dit initiatief niet zetten.");
        Page secretaryAssigns = secretaryClient.post(detailPath(id) + "/eigenaar", Map.of("ownerId", colleague.id().toString()));
        assertThat(secretaryAssigns.status()).isEqualTo(403);
        assertThat(initiative(id).at("/owner/id").asText()).isEqualTo(world.official.id().toString());

        PortalClient colleagueClient = signedIn(colleague);
        colleagueClient.get(detailPath(id));
        Page notTheOwner = colleagueClient.post(detailPath(id) + "/beoordeling", Map.of("decision", "APPROVE", "reason", ""));
        assertThat(notTheOwner.status()).isEqualTo(403);
        assertThat(notTheOwner.html()).contains("U mag deze stap in de levensloop van dit initiatief niet zetten.");
        assertThat(initiative(id).get("status").asText()).isEqualTo("IN_REVIEW");

        PortalClient chair = signedIn(world.chair);
        Page ofChair = chair.get(detailPath(id));
        assertThat(ofChair.html()).contains("name=\"decision\" value=\"APPROVE\"").doesNotContain("name=\"ownerId\"");
        Page approved = chair.post(detailPath(id) + "/beoordeling", Map.of("decision", "APPROVE", "reason", ""));
        assertThat(approved.status()).isEqualTo(303);
        assertThat(initiative(id).get("status").asText()).isEqualTo("APPROVED");

        Page again = chair.post(detailPath(id) + "/beoordeling", Map.of("decision", "APPROVE", "reason", ""));
        assertThat(again.status()).as("the lifecycle refuses a second review").isEqualTo(409);
        assertThat(reviewCount(id)).isEqualTo(1);
    }

    @Test
    void theWrongRoleGets403OnEveryPageAndEveryPostAndNothingChanges() {
        String waitingForOwner = submitted("Speeltuin opknappen aan de Haven");
        String inReview = inReview("Bankjes bij de vijver plaatsen");
        Map<String, List<String>> pagesOf = Map.of(
                "resident", List.of(boardPath(), minePath(), waitingPath(), detailPath(waitingForOwner), detailPath(inReview)),
                "official elsewhere", List.of(boardPath(), minePath(), waitingPath(), detailPath(waitingForOwner),
                        detailPath(inReview)),
                "chair of another platform", List.of(boardPath(), minePath(), waitingPath(), detailPath(waitingForOwner),
                        detailPath(inReview)));
        Map<String, Person> people = Map.of("resident", world.neighbour, "official elsewhere", officialElsewhere,
                "chair of another platform", world.otherChair);

        people.forEach((who, person) -> {
            PortalClient client = signedIn(person);
            for (String path : pagesOf.get(who)) {
                Page page = client.get(path);
                assertThat(page.status()).as(who + " GET " + path).isEqualTo(403);
                assertThat(page.html()).as(who + " GET " + path).contains(ROLE_REFUSED);
            }
            for (Map.Entry<String, Map<String, String>> post : List.of(
                    Map.entry(detailPath(waitingForOwner) + "/eigenaar", Map.of("ownerId", world.official.id().toString())),
                    Map.entry(detailPath(inReview) + "/eigenaar", Map.of("ownerId", colleague.id().toString())),
                    Map.entry(detailPath(inReview) + "/beoordeling", Map.of("decision", "APPROVE", "reason", "")),
                    Map.entry(detailPath(inReview) + "/beoordeling", Map.of("decision", "REJECT", "reason", "Niet nodig")))) {
                client.get("/werkplek");
                Page refused = client.post(post.getKey(), post.getValue());
                assertThat(refused.status()).as(who + " POST " + post.getKey()).isEqualTo(403);
                assertThat(refused.html()).as("refused for the role, not the form token").contains(ROLE_REFUSED);
            }
        });

        JsonNode stillWaiting = initiative(waitingForOwner);
        assertThat(stillWaiting.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(stillWaiting.at("/owner/id").asText()).isEmpty();
        JsonNode stillInReview = initiative(inReview);
        assertThat(stillInReview.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(stillInReview.at("/owner/id").asText()).isEqualTo(world.official.id().toString());
        assertThat(reviewCount(inReview)).isZero();
    }

    @Test
    void formsWithoutAValidTokenAre403AndSignedOutVisitorsAreSentToSignIn() {
        String waitingForOwner = submitted("Speeltuin opknappen aan de Haven");
        String inReview = inReview("Bankjes bij de vijver plaatsen");
        PortalClient official = signedIn(world.official);
        official.get(detailPath(waitingForOwner));

        Page withoutToken = official.postRaw(detailPath(waitingForOwner) + "/eigenaar",
                Map.of("ownerId", colleague.id().toString()));
        Page forged = official.postRaw(detailPath(inReview) + "/beoordeling",
                Map.of("decision", "APPROVE", "reason", "", "csrfToken", "forged.token"));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(initiative(waitingForOwner).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(initiative(inReview).get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(reviewCount(inReview)).isZero();

        PortalClient visitor = new PortalClient(server.getURL().toString());
        for (String path : List.of(boardPath(), minePath(), waitingPath(), detailPath(inReview))) {
            Page page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(303);
            assertThat(page.header("Location")).startsWith("/inloggen");
        }
        visitor.get("/inloggen");
        Page signedOutPost = visitor.post(detailPath(inReview) + "/beoordeling", Map.of("decision", "APPROVE", "reason", ""));
        assertThat(signedOutPost.status()).isEqualTo(303);
        assertThat(signedOutPost.header("Location")).startsWith("/inloggen");
        assertThat(reviewCount(inReview)).isZero();
    }
}
