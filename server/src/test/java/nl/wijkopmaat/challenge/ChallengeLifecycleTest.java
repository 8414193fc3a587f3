package nl.wijkopmaat.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.challenge.ChallengeWorld.Proposal;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ChallengeLifecycleTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    ChallengeWorld world;

    @BeforeEach
    void world() {
        world = new ChallengeWorld(api, fixtures);
    }

    @Test
    void theFullPathFromDraftToEvaluationIsRecordedStepByStep() {
        Proposal p = world.draft();
        assertThat(world.get(p.contact(), p.id()).text("/myRole")).isEqualTo("CONTACT");
        assertThat(world.get(p.member(), p.id()).text("/myRole")).isEqualTo("MEMBER");
        assertThat(api.get("/api/v1/challenges/" + p.id()).send().status()).isEqualTo(404);

        assertThat(world.step(p.contact(), p.id(), "SUBMIT_INTAKE").status()).isEqualTo(201);
        JsonNode intake = api.get("/api/v1/challenges/" + p.id()).send().json();
        assertThat(intake.get("status").asText()).isEqualTo("INTAKE");
        assertThat(intake.get("currentCostCentsPerYear").isNull()).isTrue();

        assertThat(world.eligibility(world.official, p.id(), true).status()).isEqualTo(200);
        JsonNode eligible = world.get(p.member(), p.id()).json();
        assertThat(eligible.get("status").asText()).isEqualTo("ELIGIBLE");
        assertThat(eligible.get("currentCostCentsPerYear").asLong()).isEqualTo(2_400_000);

        assertThat(api.patch("/api/v1/challenges/" + p.id()).token(p.member().accessToken())
                .json(Map.of("plan", "Het volledige plan, met begroting.", "requestedBudgetCentsPerYear", 1_750_000))
                .send().status()).isEqualTo(200);
        ApiResponse submitted = world.step(p.contact(), p.id(), "SUBMIT_PLAN");
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/challenges/" + p.id()).send().json().get("adviceDueAt").isNull()).isFalse();

        ApiResponse advice = world.advise(world.chair, p.id(), "SUPPORT");
        assertThat(advice.status()).as(advice.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/challenges/" + p.id() + "/advice").send().text("/position")).isEqualTo("SUPPORT");

        assertThat(world.step(world.official, p.id(), "START_ASSESSMENT").status()).isEqualTo(201);
        ApiResponse assessed = world.assess(world.official, p.id(), "ACCEPTED");
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
        JsonNode assessment = api.get("/api/v1/challenges/" + p.id() + "/assessment").send().json();
        assertThat(assessment.at("/scores/socialValue/score").asInt()).isEqualTo(4);
        assertThat(assessment.get("decidingBody").asText()).isEqualTo("College van burgemeester en wethouders");

        LocalDate today = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME);
        ApiResponse agreed = world.agreeFromToday(p.id());
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
        assertThat(agreed.json().get("reportingMoments")).hasSize(2);
        assertThat(api.get("/api/v1/challenges/" + p.id()).send().text("/status")).isEqualTo("IN_EXECUTION");

        ApiResponse report = world.report(p.member(), p.id(), today.plusMonths(3));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        assertThat(report.json().get("spentCents").asLong()).isEqualTo(420_050);
        assertThat(api.get("/api/v1/challenges/" + p.id() + "/agreement").send().json().at("/reportingMoments/0/reported")
                .asBoolean()).isTrue();
        assertThat(api.get("/api/v1/challenges/" + p.id() + "/progress-reports").send().json().get("items")).hasSize(1);

        assertThat(world.evaluate(world.official, p.id()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/challenges/" + p.id() + "/evaluation").send().text("/outcome")).isEqualTo("CONTINUE");

        assertThat(world.history(p.id())).containsExactly(
                "DRAFT>SUBMIT_INTAKE>INTAKE",
                "INTAKE>DECLARE_ELIGIBLE>ELIGIBLE",
                "ELIGIBLE>SUBMIT_PLAN>SUBMITTED",
                "SUBMITTED>ADVISE>ADVISED",
                "ADVISED>START_ASSESSMENT>IN_ASSESSMENT",
                "IN_ASSESSMENT>ACCEPT>ACCEPTED",
                "ACCEPTED>START_EXECUTION>IN_EXECUTION",
                "IN_EXECUTION>EVALUATE>EVALUATED");
        JsonNode steps = api.get("/api/v1/challenges/" + p.id() + "/status-changes").query("limit", 100)
                .header("Accept-Language", "en").send().json().get("items");
        assertThat(steps.get(0).at("/actor/id").asText()).isEqualTo(p.contact().id().toString());
        assertThat(steps.get(1).at("/actor/id").asText()).isEqualTo(world.official.id().toString());
        assertThat(steps.get(1).get("reason").asText()).contains("niet-wettelijke taak");
        assertThat(steps.get(3).at("/actor/id").asText()).isEqualTo(world.chair.id().toString());
        assertThat(steps.get(6).get("actor").isNull()).isTrue();
        assertThat(steps.get(6).get("reason").asText()).isEqualTo("The start date of the agreement has come.");
        assertThat(steps.get(7).get("changedAt").asText()).isNotBlank();
    }

    @Test
    void aProposalCanEndInCoCreationOrRejection() {
        Proposal coCreated = world.in("IN_ASSESSMENT");
        assertThat(world.assess(world.official, coCreated.id(), "CO_CREATION").status()).isEqualTo(200);
        assertThat(world.history(coCreated.id())).last().isEqualTo("IN_ASSESSMENT>CO_CREATE>CO_CREATION");

        Proposal rejected = world.in("IN_ASSESSMENT");
        assertThat(world.assess(world.official, rejected.id(), "REJECTED").status()).isEqualTo(200);
        assertThat(world.history(rejected.id())).last().isEqualTo("IN_ASSESSMENT>REJECT>REJECTED");
        JsonNode decision = api.get("/api/v1/challenges/" + rejected.id() + "/assessment").send().json();
        assertThat(decision.get("decision").asText()).isEqualTo("REJECTED");
        assertThat(decision.get("decisionMotivation").asText()).isEqualTo("De groep doet het beter en goedkoper.");
    }

    /** One action of a client on a proposal, taken by the party who may take it. */
    record Action(String name, BiFunction<ChallengeWorld, Proposal, ApiResponse> call) {
    }

    private static List<Action> actions() {
        LocalDate today = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME);
        return List.of(
                new Action("EDIT", (w, p) -> w.api.patch("/api/v1/challenges/" + p.id()).token(p.member().accessToken())
                        .json(Map.of("supporterCount", 70)).send()),
                new Action("JOIN", (w, p) -> w.join(w.resident(), p.id())),
                new Action("HAND_OVER", (w, p) -> w.api.put("/api/v1/challenges/" + p.id() + "/contact-person")
                        .token(p.contact().accessToken()).json(Map.of("accountId", p.member().id().toString())).send()),
                new Action("SUBMIT_INTAKE", (w, p) -> w.step(p.contact(), p.id(), "SUBMIT_INTAKE")),
                new Action("DECLARE_ELIGIBLE", (w, p) -> w.eligibility(w.official, p.id(), true)),
                new Action("DECLARE_NOT_ELIGIBLE", (w, p) -> w.eligibility(w.official, p.id(), false)),
                new Action("SUBMIT_PLAN", (w, p) -> w.step(p.contact(), p.id(), "SUBMIT_PLAN")),
                new Action("ADVISE", (w, p) -> w.advise(w.chair, p.id(), "NEUTRAL")),
                new Action("START_ASSESSMENT", (w, p) -> w.step(w.official, p.id(), "START_ASSESSMENT")),
                new Action("ACCEPT", (w, p) -> w.assess(w.official, p.id(), "ACCEPTED")),
                new Action("REJECT", (w, p) -> w.assess(w.official, p.id(), "REJECTED")),
                new Action("CO_CREATE", (w, p) -> w.assess(w.official, p.id(), "CO_CREATION")),
                new Action("AGREE", (w, p) -> w.agree(w.official, p.id(), today.plusDays(14),
                        List.of(today.plusMonths(4)))),
                new Action("REPORT", (w, p) -> w.report(p.member(), p.id(), today.plusMonths(3))),
                new Action("EVALUATE", (w, p) -> w.evaluate(w.official, p.id())),
                new Action("WITHDRAW", (w, p) -> w.step(p.contact(), p.id(), "WITHDRAW")));
    }

    /** Every allowed pair of the lifecycle; a submitted plan waits for advice until the advice period is over. */
    private static final Set<String> ALLOWED = Set.of(
            "DRAFT:EDIT", "DRAFT:JOIN", "DRAFT:HAND_OVER", "DRAFT:SUBMIT_INTAKE", "DRAFT:WITHDRAW",
            "INTAKE:JOIN", "INTAKE:HAND_OVER", "INTAKE:DECLARE_ELIGIBLE", "INTAKE:DECLARE_NOT_ELIGIBLE", "INTAKE:WITHDRAW",
            "ELIGIBLE:EDIT", "ELIGIBLE:JOIN", "ELIGIBLE:HAND_OVER", "ELIGIBLE:SUBMIT_PLAN", "ELIGIBLE:WITHDRAW",
            "SUBMITTED:JOIN", "SUBMITTED:HAND_OVER", "SUBMITTED:ADVISE", "SUBMITTED:WITHDRAW",
            "ADVISED:JOIN", "ADVISED:HAND_OVER", "ADVISED:START_ASSESSMENT", "ADVISED:WITHDRAW",
            "IN_ASSESSMENT:JOIN", "IN_ASSESSMENT:HAND_OVER", "IN_ASSESSMENT:ACCEPT", "IN_ASSESSMENT:REJECT",
            "IN_ASSESSMENT:CO_CREATE", "IN_ASSESSMENT:WITHDRAW",
            "ACCEPTED:JOIN", "ACCEPTED:HAND_OVER", "ACCEPTED:AGREE",
            "IN_EXECUTION:JOIN", "IN_EXECUTION:HAND_OVER", "IN_EXECUTION:REPORT", "IN_EXECUTION:EVALUATE");

    private static final Set<String> OUTSIDE_THE_GROUP = Set.of("DECLARE_ELIGIBLE", "DECLARE_NOT_ELIGIBLE", "ADVISE",
            "START_ASSESSMENT", "ACCEPT", "REJECT", "CO_CREATE", "AGREE", "EVALUATE");

    @Test
    void everyStateAcceptsOnlyItsOwnActionsAndTheRestChangeNothing() {
        List<String> wrong = new ArrayList<>();
        for (ChallengeStatus status : EnumSet.allOf(ChallengeStatus.class)) {
            Proposal shared = world.in(status.name());
            for (Action action : actions()) {
                String pair = status + ":" + action.name();
                boolean allowed = ALLOWED.contains(pair);
                Proposal p = allowed ? world.in(status.name()) : shared;
                JsonNode before = world.get(p.contact(), p.id()).json();
                int historyBefore = historyOf(p).size();
                ApiResponse response = action.call().apply(world, p);
                if (allowed) {
                    if (response.status() < 200 || response.status() > 201) {
                        wrong.add(pair + " allowed but " + response.status() + " " + response.body());
                    }
                    continue;
                }
                // A draft is the group's own: to an official or a chair it does not exist.
                int refused = status == ChallengeStatus.DRAFT && OUTSIDE_THE_GROUP.contains(action.name()) ? 404 : 409;
                if (response.status() != refused) {
                    wrong.add(pair + " not allowed but " + response.status() + " " + response.body());
                }
                JsonNode after = world.get(p.contact(), p.id()).json();
                if (!after.equals(before) || historyOf(p).size() != historyBefore) {
                    wrong.add(pair + " changed the proposal");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theServersOwnStepAndTheStepsWithAResourceOfTheirOwnAreNoStatusChangeRequests() {
        Proposal p = world.in("ACCEPTED");
        for (String action : List.of("START_EXECUTION", "ADVISE", "EDIT", "JOIN")) {
            ApiResponse response = api.post("/api/v1/challenges/" + p.id() + "/status-changes")
                    .token(world.official.accessToken()).json(Map.of("action", action)).invalidInput().send();
            assertThat(response.status()).as(action).isEqualTo(400);
            assertThat(response.json().at("/invalidParams/0/name").asText()).isEqualTo("action");
        }
        assertThat(world.get(p.contact(), p.id()).text("/status")).isEqualTo("ACCEPTED");
    }

    private List<JsonNode> historyOf(Proposal p) {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/v1/challenges/" + p.id() + "/status-changes").token(p.contact().accessToken()).query("limit", 100)
                .send().json().get("items").forEach(items::add);
        return items;
    }
}
