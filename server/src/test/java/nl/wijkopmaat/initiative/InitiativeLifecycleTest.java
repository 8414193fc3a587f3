package nl.wijkopmaat.initiative;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class InitiativeLifecycleTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    InitiativeService service;

    InitiativeWorld world;

    @BeforeEach
    void setUp() {
        world = new InitiativeWorld(api, fixtures);
    }

    @Test
    void happyPathFromDraftToCompletedWithAFullHistory() {
        String id = world.createDraft();
        assertThat(world.status(world.author, id, "SUBMIT").status()).isEqualTo(201);

        ApiResponse owned = world.assignOwner(world.official, id);
        assertThat(owned.status()).isEqualTo(200);
        assertThat(owned.text("/status")).isEqualTo("IN_REVIEW");
        assertThat(owned.text("/owner/id")).isEqualTo(world.official.id().toString());
        assertThat(owned.text("/answerDueDate")).isNotBlank();

        ApiResponse approved = world.review(world.official, id, "APPROVE", "Mooi plan");
        assertThat(approved.status()).isEqualTo(201);
        assertThat(approved.text("/decision")).isEqualTo("APPROVE");
        assertThat(world.status(world.author, id, "START").status()).isEqualTo(201);
        ApiResponse completed = world.status(world.chair, id, "COMPLETE");
        assertThat(completed.status()).isEqualTo(201);

        ApiResponse initiative = world.get(world.neighbour, id);
        assertThat(initiative.text("/status")).isEqualTo("COMPLETED");
        assertThat(initiative.text("/resultReport")).startsWith("De speeltuin is klaar");

        JsonNode history = api.get("/api/v1/initiatives/" + id + "/status-changes").send().json().get("items");
        List<String> steps = new ArrayList<>();
        history.forEach(step -> steps.add(step.get("fromStatus").asText() + ">" + step.get("toStatus").asText()));
        assertThat(steps).containsExactly("DRAFT>SUBMITTED", "SUBMITTED>IN_REVIEW", "IN_REVIEW>APPROVED",
                "APPROVED>IN_PROGRESS", "IN_PROGRESS>COMPLETED");
        List<String> actors = new ArrayList<>();
        history.forEach(step -> {
            actors.add(step.get("actor").get("id").asText());
            assertThat(step.get("changedAt").asText()).endsWith("Z");
        });
        assertThat(actors).containsExactly(world.author.id().toString(), world.official.id().toString(),
                world.official.id().toString(), world.author.id().toString(), world.chair.id().toString());
        assertThat(history.get(2).get("reason").asText()).isEqualTo("Mooi plan");

        JsonNode reviews = api.get("/api/v1/initiatives/" + id + "/reviews").send().json().get("items");
        assertThat(reviews).hasSize(1);
    }

    /**
     * How each action is asked for, by someone who may take it; what was never submitted (a draft, and
     * here the withdrawn draft) is visible to its author alone, so there the author asks for everything.
     */
    private Map<String, Function<String, ApiResponse>> actions(InitiativeStatus state) {
        boolean draft = state == InitiativeStatus.DRAFT || state == InitiativeStatus.WITHDRAWN;
        Person moderator = draft ? world.author : world.chair;
        Person official = draft ? world.author : world.official;
        return Map.of(
                "SUBMIT", id -> world.status(world.author, id, "SUBMIT"),
                "RESUBMIT", id -> world.status(world.author, id, "RESUBMIT"),
                "WITHDRAW", id -> world.status(world.author, id, "WITHDRAW"),
                "START", id -> world.status(moderator, id, "START"),
                "COMPLETE", id -> world.status(moderator, id, "COMPLETE"),
                "ASSIGN_OWNER", id -> world.assignOwner(official, id),
                "APPROVE", id -> world.review(moderator, id, "APPROVE", null),
                "REJECT", id -> world.review(moderator, id, "REJECT", "Nee"),
                "REQUEST_CHANGES", id -> world.review(moderator, id, "REQUEST_CHANGES", "Meer uitleg"));
    }

    @ParameterizedTest
    @EnumSource(InitiativeStatus.class)
    void everyTransitionTheLifecycleDoesNotAllowIsAConflictAndChangesNothing(InitiativeStatus state) {
        String id = world.inStatus(state.name(), service);
        for (var action : actions(state).entrySet()) {
            InitiativeTransition transition = InitiativeTransition.valueOf(action.getKey());
            boolean reassignment = transition == InitiativeTransition.ASSIGN_OWNER && state == InitiativeStatus.IN_REVIEW;
            if (transition.allowedFrom(state) || reassignment) {
                continue;
            }
            ApiResponse before = world.get(world.author, id);
            int historyBefore = api.get("/api/v1/initiatives/" + id + "/status-changes").token(world.author.accessToken())
                    .query("limit", 100).send().json().get("items").size();

            ApiResponse response = action.getValue().apply(id);

            assertThat(response.status()).as(action.getKey() + " from " + state + ": " + response.body()).isEqualTo(409);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            ApiResponse after = world.get(world.author, id);
            assertThat(after.json()).as("unchanged after " + action.getKey()).isEqualTo(before.json());
            assertThat(api.get("/api/v1/initiatives/" + id + "/status-changes").token(world.author.accessToken())
                    .query("limit", 100).send().json().get("items")).hasSize(historyBefore);
        }
    }

    @Test
    void aResidentCannotReviewAndAChairOfAnotherWijkGets403() {
        String id = world.inStatus("IN_REVIEW", service);
        assertThat(world.review(world.neighbour, id, "APPROVE", null).status()).isEqualTo(403);
        assertThat(world.review(world.author, id, "APPROVE", null).status()).isEqualTo(403);
        assertThat(world.review(world.otherChair, id, "APPROVE", null).status()).isEqualTo(403);
        assertThat(world.review(world.chair, id, "APPROVE", null).status()).isEqualTo(201);
    }

    @Test
    void onlyTheAuthorSubmitsAndOnlyAnOfficialAssignsTheOwner() {
        String id = world.createDraft();
        assertThat(world.status(world.chair, id, "SUBMIT").status()).as("a draft is invisible to the chair").isEqualTo(404);
        world.status(world.author, id, "SUBMIT");
        assertThat(world.status(world.neighbour, id, "WITHDRAW").status()).isEqualTo(403);
        assertThat(world.assignOwner(world.chair, id).status()).isEqualTo(403);
        ApiResponse notAnOfficial = api.put("/api/v1/initiatives/" + id + "/owner").token(world.official.accessToken())
                .json(Map.of("ownerId", world.neighbour.id().toString())).send();
        assertThat(notAnOfficial.status()).isEqualTo(400);
        assertThat(notAnOfficial.text("/invalidParams/0/name")).isEqualTo("ownerId");
    }

    @Test
    void rejectAndRequestChangesNeedAReason() {
        String id = world.inStatus("IN_REVIEW", service);
        for (String decision : List.of("REJECT", "REQUEST_CHANGES")) {
            ApiResponse response = world.review(world.official, id, decision, null);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text("/invalidParams/0/name")).isEqualTo("reason");
            assertThat(world.review(world.official, id, decision, "   ").status()).isEqualTo(400);
        }
        assertThat(world.get(world.author, id).text("/status")).isEqualTo("IN_REVIEW");
    }

    @Test
    void changesRequestedLetsTheAuthorEditAndResubmit() {
        String id = world.inStatus("CHANGES_REQUESTED", service);
        ApiResponse edited = api.patch("/api/v1/initiatives/" + id).token(world.author.accessToken())
                .json(Map.of("requestedBudgetCents", 80_000, "description", "Met begroting.")).send();
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("requestedBudgetCents").asLong()).isEqualTo(80_000);
        assertThat(api.patch("/api/v1/initiatives/" + id).token(world.neighbour.accessToken())
                .json(Map.of("title", "Overgenomen")).send().status()).isEqualTo(403);
        assertThat(world.status(world.author, id, "RESUBMIT").status()).isEqualTo(201);
        assertThat(api.patch("/api/v1/initiatives/" + id).token(world.author.accessToken())
                .json(Map.of("title", "Te laat gewijzigd")).send().status()).isEqualTo(409);
    }

    @Test
    void draftsAreInvisibleToEveryoneButTheirAuthor() {
        String id = world.createDraft();
        assertThat(world.get(world.author, id).status()).isEqualTo(200);
        assertThat(world.get(world.neighbour, id).status()).isEqualTo(404);
        assertThat(world.get(world.official, id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/initiatives/" + id).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/initiatives/" + id + "/status-changes").send().status()).isEqualTo(404);

        String wijk = world.wijk.id().toString();
        assertThat(ids(api.get("/api/v1/initiatives").query("wijk", wijk).send())).doesNotContain(id);
        assertThat(ids(api.get("/api/v1/initiatives").query("wijk", wijk).query("status", "DRAFT")
                .token(world.neighbour.accessToken()).send())).isEmpty();
        assertThat(ids(api.get("/api/v1/initiatives").query("wijk", wijk).token(world.author.accessToken()).send()))
                .as("the wijk's list is the public one, also for the author").doesNotContain(id);
        assertThat(ids(api.get("/api/v1/initiatives").query("mine", true).token(world.author.accessToken()).send()))
                .containsExactly(id);
        assertThat(ids(api.get("/api/v1/initiatives").query("mine", true).query("status", "DRAFT")
                .token(world.author.accessToken()).send())).containsExactly(id);
    }

    @Test
    void invalidContentIsReportedFieldByField() {
        Map<String, Object> content = world.content("Kort");
        content.put("requestedBudgetCents", -5);
        content.put("theme", "GROEN");
        ApiResponse response = api.post("/api/v1/initiatives").token(world.author.accessToken()).invalidInput()
                .json(content).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").findValuesAsText("name"))
                .containsExactlyInAnyOrder("title", "requestedBudgetCents");

        Map<String, Object> elsewhere = world.content("Buurt van een andere wijk");
        elsewhere.put("buurtId", world.otherWijk.buurten().get(0).id().toString());
        ApiResponse otherBuurt = api.post("/api/v1/initiatives").token(world.author.accessToken()).json(elsewhere).send();
        assertThat(otherBuurt.status()).isEqualTo(400);
        assertThat(otherBuurt.text("/invalidParams/0/name")).isEqualTo("buurtId");

        Map<String, Object> blankTitle = world.content("  ab         ");
        assertThat(api.post("/api/v1/initiatives").token(world.author.accessToken()).json(blankTitle).send().status())
                .as("length counts without surrounding spaces").isEqualTo(400);
        Map<String, Object> noBudget = world.content("Zonder bedrag");
        noBudget.remove("requestedBudgetCents");
        ApiResponse missing = api.post("/api/v1/initiatives").token(world.author.accessToken()).invalidInput().json(noBudget).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("/invalidParams/0/name")).isEqualTo("requestedBudgetCents");
    }

    @Test
    void aDraftWithdrawnBeforeSubmissionStaysPrivate() {
        String id = world.createDraft();
        assertThat(world.status(world.author, id, "WITHDRAW").status()).isEqualTo(201);
        assertThat(world.get(world.neighbour, id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/initiatives/" + id).send().status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/initiatives").query("wijk", world.wijk.id().toString()).send())).doesNotContain(id);
        assertThat(world.get(world.author, id).text("/status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void onlyTheOwnerOrTheChairReviewsAndNeverTheAuthor() {
        String id = world.inStatus("IN_REVIEW", service);
        Person otherOfficial = fixtures.withRole(world.municipality.id(), nl.wijkopmaat.common.security.Role.OFFICIAL,
                world.municipality.id());
        assertThat(world.review(otherOfficial, id, "APPROVE", null).status()).as("an official who is not the owner").isEqualTo(403);

        ApiResponse ownDraft = api.post("/api/v1/initiatives").token(world.official.accessToken())
                .json(world.content("Plan van de ambtenaar zelf")).send();
        String own = ownDraft.text("/id");
        world.status(world.official, own, "SUBMIT");
        ApiResponse selfOwner = api.put("/api/v1/initiatives/" + own + "/owner").token(world.official.accessToken())
                .json(Map.of("ownerId", world.official.id().toString())).send();
        assertThat(selfOwner.status()).as("nobody owns the answer to their own initiative").isEqualTo(400);
        api.put("/api/v1/initiatives/" + own + "/owner").token(otherOfficial.accessToken())
                .json(Map.of("ownerId", otherOfficial.id().toString())).send();
        assertThat(world.review(world.official, own, "APPROVE", null).status()).isEqualTo(403);
    }

    @Test
    void aRevokedOfficialNoLongerReviewsTheInitiativeTheyOwned() {
        String id = world.inStatus("IN_REVIEW", service);
        Person admin = fixtures.withRole(world.municipality.id(), nl.wijkopmaat.common.security.Role.ADMIN,
                world.municipality.id());
        String staff = "/api/v1/municipalities/" + world.municipality.id() + "/staff";
        for (var assignment : api.get(staff).token(admin.accessToken()).query("limit", 100).send().json().get("items")) {
            if (assignment.get("accountId").asText().equals(world.official.id().toString())) {
                api.delete(staff + "/" + assignment.get("id").asText()).token(admin.accessToken()).send();
            }
        }
        assertThat(world.review(world.official, id, "APPROVE", null).status()).isEqualTo(403);
        assertThat(world.get(world.author, id).text("/status")).isEqualTo("IN_REVIEW");
    }

    @Test
    void aNewOwnerTakesOverTheRunningTerm() {
        String id = world.inStatus("IN_REVIEW", service);
        String due = world.get(world.author, id).text("/answerDueDate");
        Person successor = fixtures.withRole(world.municipality.id(), nl.wijkopmaat.common.security.Role.OFFICIAL,
                world.municipality.id());
        ApiResponse reassigned = api.put("/api/v1/initiatives/" + id + "/owner").token(world.official.accessToken())
                .json(Map.of("ownerId", successor.id().toString())).send();
        assertThat(reassigned.status()).isEqualTo(200);
        assertThat(reassigned.text("/owner/id")).isEqualTo(successor.id().toString());
        assertThat(reassigned.text("/answerDueDate")).isEqualTo(due);
        assertThat(reassigned.text("/status")).isEqualTo("IN_REVIEW");
        JsonNode history = api.get("/api/v1/initiatives/" + id + "/status-changes").send().json().get("items");
        assertThat(history.get(history.size() - 1).get("fromStatus").asText()).isEqualTo("IN_REVIEW");
        assertThat(history.get(history.size() - 1).get("action").asText()).isEqualTo("ASSIGN_OWNER");
        assertThat(world.review(world.official, id, "APPROVE", null).status()).as("the former owner").isEqualTo(403);
        assertThat(world.review(successor, id, "APPROVE", null).status()).isEqualTo(201);
    }

    @Test
    void anOfficialListsTheInitiativesTheyOwn() {
        String first = world.inStatus("IN_REVIEW", service);
        String decided = world.inStatus("APPROVED", service);
        world.inStatus("SUBMITTED", service);
        Person colleague = fixtures.withRole(world.municipality.id(), nl.wijkopmaat.common.security.Role.OFFICIAL,
                world.municipality.id());
        String theirs = world.inStatus("SUBMITTED", service);
        api.put("/api/v1/initiatives/" + theirs + "/owner").token(colleague.accessToken())
                .json(Map.of("ownerId", colleague.id().toString())).send();

        assertThat(ids(api.get("/api/v1/initiatives").query("owner", "me").token(world.official.accessToken()).send()))
                .as("newest first, whatever the status").containsExactly(decided, first);
        assertThat(ids(api.get("/api/v1/initiatives").query("owner", "me").query("status", "IN_REVIEW")
                .token(world.official.accessToken()).send())).containsExactly(first);
        assertThat(ids(api.get("/api/v1/initiatives").query("owner", "me").token(colleague.accessToken()).send()))
                .containsExactly(theirs);
        assertThat(ids(api.get("/api/v1/initiatives").query("owner", "me").token(world.neighbour.accessToken()).send()))
                .as("someone who owns nothing").isEmpty();
        assertThat(api.get("/api/v1/initiatives").query("owner", "me").send().status()).isEqualTo(401);
        ApiResponse other = api.get("/api/v1/initiatives").query("owner", world.official.id().toString())
                .token(world.official.accessToken()).invalidInput().send();
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.text("/invalidParams/0/name")).isEqualTo("owner");
    }

    @Test
    void completingNeedsAResult() {
        String id = world.inStatus("IN_PROGRESS", service);
        ApiResponse blank = api.post("/api/v1/initiatives/" + id + "/status-changes").token(world.chair.accessToken())
                .json(Map.of("action", "COMPLETE", "resultReport", "   ")).send();
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.text("/invalidParams/0/name")).isEqualTo("resultReport");
        assertThat(world.get(world.author, id).text("/status")).isEqualTo("IN_PROGRESS");
    }

    private static List<String> ids(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
