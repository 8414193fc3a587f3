package nl.wijkopmaat.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.challenge.ChallengeWorld.Proposal;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may take which step, the advice period, and what the API refuses as input. */
@MicronautTest(transactional = false)
class ChallengeRulesTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    ChallengeWorld world;

    @BeforeEach
    void world() {
        world = new ChallengeWorld(api, fixtures);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onlyTheChairOfTheWijksPlatformAdvises() {
        Proposal p = world.in("SUBMITTED");
        for (Person notTheChair : List.of(world.otherChair, world.secretary, world.official, p.contact())) {
            assertThat(world.advise(notTheChair, p.id(), "OPPOSE").status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/challenges/" + p.id() + "/advice").send().status()).isEqualTo(404);
        assertThat(world.get(p.contact(), p.id()).text("/status")).isEqualTo("SUBMITTED");

        assertThat(world.advise(world.chair, p.id(), "OPPOSE").status()).isEqualTo(200);
        JsonNode advice = api.get("/api/v1/challenges/" + p.id() + "/advice").send().json();
        assertThat(advice.get("position").asText()).isEqualTo("OPPOSE");
        assertThat(advice.at("/advisedBy/id").asText()).isEqualTo(world.chair.id().toString());
    }

    @Test
    void afterTheAdvicePeriodTheOfficialProceedsWithoutAdviceAndNotBefore() {
        Proposal p = world.in("SUBMITTED");
        ApiResponse early = world.step(world.official, p.id(), "START_ASSESSMENT");
        assertThat(early.status()).isEqualTo(409);
        assertThat(world.get(p.contact(), p.id()).text("/status")).isEqualTo("SUBMITTED");

        clock.advance(Duration.ofDays(27));
        assertThat(world.step(world.official, p.id(), "START_ASSESSMENT").status()).isEqualTo(409);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(world.step(p.contact(), p.id(), "START_ASSESSMENT").status()).isEqualTo(403);
        ApiResponse started = world.step(world.official, p.id(), "START_ASSESSMENT");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("fromStatus").asText()).isEqualTo("SUBMITTED");
        assertThat(started.json().get("reason").asText()).contains("zonder advies");

        JsonNode advice = api.get("/api/v1/challenges/" + p.id() + "/advice").send().json();
        assertThat(advice.get("position").asText()).isEqualTo("NONE");
        assertThat(advice.get("advisedBy").isNull()).isTrue();
        assertThat(world.history(p.id())).last().isEqualTo("SUBMITTED>START_ASSESSMENT>IN_ASSESSMENT");
    }

    @Test
    void onlyTheGroupEditsAndOnlyItsContactSubmitsAndWithdraws() {
        Proposal p = world.draft();
        Person outsider = world.resident();
        assertThat(world.get(outsider, p.id()).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/challenges/" + p.id()).token(outsider.accessToken())
                .json(Map.of("title", "Overgenomen door een ander")).send().status()).isEqualTo(404);
        assertThat(world.step(p.member(), p.id(), "SUBMIT_INTAKE").status()).isEqualTo(403);
        assertThat(world.step(outsider, p.id(), "SUBMIT_INTAKE").status()).isEqualTo(404);

        assertThat(world.step(p.contact(), p.id(), "SUBMIT_INTAKE").status()).isEqualTo(201);
        assertThat(world.eligibility(world.official, p.id(), true).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/challenges/" + p.id()).token(outsider.accessToken())
                .json(Map.of("title", "Overgenomen door een ander")).send().status()).isEqualTo(403);
        assertThat(world.step(p.member(), p.id(), "SUBMIT_PLAN").status()).isEqualTo(403);
        assertThat(world.step(p.member(), p.id(), "WITHDRAW").status()).isEqualTo(403);
        assertThat(world.eligibility(p.contact(), p.id(), true).status()).isEqualTo(409);
        assertThat(world.get(p.contact(), p.id()).json().get("title").asText()).startsWith("Groenonderhoud");

        ApiResponse handedOver = api.put("/api/v1/challenges/" + p.id() + "/contact-person").token(p.contact().accessToken())
                .json(Map.of("accountId", p.member().id().toString())).send();
        assertThat(handedOver.status()).isEqualTo(200);
        assertThat(handedOver.json().at("/contact/id").asText()).isEqualTo(p.member().id().toString());
        assertThat(world.step(p.contact(), p.id(), "SUBMIT_PLAN").status()).isEqualTo(403);
        assertThat(world.step(p.member(), p.id(), "SUBMIT_PLAN").status()).isEqualTo(201);

        ApiResponse notAMember = api.put("/api/v1/challenges/" + p.id() + "/contact-person").token(p.member().accessToken())
                .json(Map.of("accountId", outsider.id().toString())).send();
        assertThat(notAMember.status()).isEqualTo(400);
        assertThat(notAMember.json().at("/invalidParams/0/name").asText()).isEqualTo("accountId");
    }

    @Test
    void aWithdrawnProposalAcceptsNothing() {
        Proposal p = world.in("WITHDRAWN");
        LocalDate today = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME);
        List<ApiResponse> attempts = List.of(
                api.patch("/api/v1/challenges/" + p.id()).token(p.contact().accessToken()).json(Map.of("supporterCount", 1)).send(),
                world.join(world.resident(), p.id()),
                world.step(p.contact(), p.id(), "SUBMIT_INTAKE"),
                world.step(p.contact(), p.id(), "WITHDRAW"),
                world.eligibility(world.official, p.id(), true),
                world.advise(world.chair, p.id(), "SUPPORT"),
                world.assess(world.official, p.id(), "ACCEPTED"),
                world.agreeFromToday(p.id()),
                world.report(p.contact(), p.id(), today.plusMonths(3)),
                world.evaluate(world.official, p.id()));
        assertThat(attempts).extracting(ApiResponse::status).containsOnly(409);
        assertThat(world.get(p.contact(), p.id()).json().get("memberCount").asInt()).isEqualTo(2);
    }

    @Test
    void anAssessmentNamesEveryMissingScoreAndMotivation() {
        Proposal p = world.in("IN_ASSESSMENT");
        Map<String, Object> body = ChallengeWorld.assessmentBody("ACCEPTED");
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("quality", Map.of("score", 4));
        scores.put("cost", Map.of("motivation", "Goedkoper dan nu."));
        scores.put("socialValue", Map.of("score", 6, "motivation", "Veel."));
        scores.put("support", Map.of("score", 3, "motivation", " "));
        body.put("scores", scores);
        ApiResponse response = api.put("/api/v1/challenges/" + p.id() + "/assessment").token(world.official.accessToken())
                .json(body).invalidInput().send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(names(response)).containsExactlyInAnyOrder("scores.quality.motivation", "scores.cost.score",
                "scores.socialValue.score", "scores.support.motivation", "scores.ownership");
        assertThat(api.get("/api/v1/challenges/" + p.id() + "/assessment").send().status()).isEqualTo(404);
        assertThat(world.get(p.contact(), p.id()).text("/status")).isEqualTo("IN_ASSESSMENT");
    }

    @Test
    void aRejectionWithoutDecisionMotivationIsRefused() {
        Proposal p = world.in("IN_ASSESSMENT");
        for (Object motivation : new Object[] {null, "  "}) {
            Map<String, Object> body = new HashMap<>(ChallengeWorld.assessmentBody("REJECTED"));
            body.put("decisionMotivation", motivation);
            ApiResponse response = api.put("/api/v1/challenges/" + p.id() + "/assessment")
                    .token(world.official.accessToken()).json(body).send();
            assertThat(response.status()).isEqualTo(400);
            assertThat(names(response)).containsExactly("decisionMotivation");
        }
        Map<String, Object> accepted = new HashMap<>(ChallengeWorld.assessmentBody("ACCEPTED"));
        accepted.remove("decisionMotivation");
        accepted.put("decisionDate", LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).plusDays(2).toString());
        ApiResponse future = api.put("/api/v1/challenges/" + p.id() + "/assessment").token(world.official.accessToken())
                .json(accepted).send();
        assertThat(names(future)).containsExactly("decisionDate");
        assertThat(world.get(p.contact(), p.id()).text("/status")).isEqualTo("IN_ASSESSMENT");
    }

    @Test
    void moneyIsWholeCentsAndEveryBadFieldOfAProposalIsNamed() {
        Person resident = world.resident();
        Map<String, Object> body = ChallengeWorld.content();
        body.put("requestedBudgetCentsPerYear", 12.5);
        body.put("supporterCount", -1);
        body.put("title", "Kort");
        body.remove("plan");
        body.put("wijkId", world.wijk.id().toString());
        ApiResponse response = api.post("/api/v1/challenges").token(resident.accessToken()).json(body)
                .invalidInput().send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(names(response)).contains("requestedBudgetCentsPerYear");

        body.put("requestedBudgetCentsPerYear", 1_000);
        response = api.post("/api/v1/challenges").token(resident.accessToken()).json(body).invalidInput().send();
        assertThat(names(response)).containsExactlyInAnyOrder("plan", "supporterCount", "title");

        Map<String, Object> otherBuurt = ChallengeWorld.content();
        otherBuurt.put("buurtId", world.otherWijk.buurten().get(0).id().toString());
        assertThat(names(world.create(resident, otherBuurt))).containsExactly("buurtId");
        assertThat(api.get("/api/v1/challenges").query("mine", true).token(resident.accessToken()).send()
                .json().get("items")).isEmpty();
    }

    @Test
    void anAgreementNamesEveryDateOutsideItsPeriod() {
        Proposal p = world.in("ACCEPTED");
        LocalDate start = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).plusDays(10);
        Map<String, Object> body = ChallengeWorld.agreementBody(start,
                List.of(start.plusMonths(3), start, start.plusMonths(3), start.plusYears(3)));
        ApiResponse response = api.put("/api/v1/challenges/" + p.id() + "/agreement").token(world.official.accessToken())
                .json(body).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(names(response)).containsExactlyInAnyOrder("reportingMoments[1]", "reportingMoments[2]",
                "reportingMoments[3]");
        body.put("endDate", start.minusDays(1).toString());
        body.put("reportingMoments", List.of(start.plusMonths(1).toString()));
        assertThat(names(api.put("/api/v1/challenges/" + p.id() + "/agreement").token(world.official.accessToken())
                .json(body).send())).containsExactlyInAnyOrder("endDate", "reportingMoments[0]");
        body.put("reportingMoments", List.of());
        assertThat(names(api.put("/api/v1/challenges/" + p.id() + "/agreement").token(world.official.accessToken())
                .json(body).invalidInput().send())).containsExactly("reportingMoments");
        assertThat(api.get("/api/v1/challenges/" + p.id() + "/agreement").send().status()).isEqualTo(404);
    }

    @Test
    void eligibilityIsTheOfficialsAndACostIsOnlyDisclosedForAnEligibleTask() {
        Proposal p = world.in("INTAKE");
        assertThat(world.eligibility(world.chair, p.id(), true).status()).isEqualTo(403);
        ApiResponse costWithRefusal = api.put("/api/v1/challenges/" + p.id() + "/eligibility")
                .token(world.official.accessToken())
                .json(Map.of("eligible", false, "reason", "Wettelijke taak.", "currentCostCentsPerYear", 100)).send();
        assertThat(names(costWithRefusal)).containsExactly("currentCostCentsPerYear");
        assertThat(world.eligibility(world.official, p.id(), false).status()).isEqualTo(200);
        JsonNode detail = api.get("/api/v1/challenges/" + p.id()).send().json();
        assertThat(detail.get("status").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(detail.get("currentCostCentsPerYear").isNull()).isTrue();
        assertThat(api.get("/api/v1/challenges/" + p.id() + "/eligibility").send().text("/reason"))
                .isEqualTo("Dit is een wettelijke taak.");
    }

    @Test
    void nobodyJudgesAProposalOfTheirOwnGroup() {
        Proposal p = world.in("INTAKE");
        assertThat(world.join(world.official, p.id()).status()).isEqualTo(201);
        assertThat(world.eligibility(world.official, p.id(), true).status()).isEqualTo(403);
        Person colleague = fixtures.withRole(world.municipality.id(), Role.OFFICIAL,
                world.municipality.id());
        assertThat(world.eligibility(colleague, p.id(), true).status()).isEqualTo(200);
        assertThat(world.step(p.contact(), p.id(), "SUBMIT_PLAN").status()).isEqualTo(201);
        assertThat(world.join(world.chair, p.id()).status()).isEqualTo(201);
        assertThat(world.advise(world.chair, p.id(), "SUPPORT").status()).isEqualTo(403);
        assertThat(world.get(p.contact(), p.id()).text("/status")).isEqualTo("SUBMITTED");
    }

    @Test
    void anErasedContactHandsTheGroupToTheLongestStandingMemberAndALoneDraftGoes() {
        Proposal p = world.in("INTAKE");
        Person third = world.resident();
        assertThat(world.join(third, p.id()).status()).isEqualTo(201);
        assertThat(fixtures.erase(p.contact()).status()).isEqualTo(204);
        JsonNode after = world.get(p.member(), p.id()).json();
        assertThat(after.at("/contact/id").asText()).isEqualTo(p.member().id().toString());
        assertThat(after.get("myRole").asText()).isEqualTo("CONTACT");
        assertThat(after.get("memberCount").asInt()).isEqualTo(2);
        assertThat(world.history(p.id())).containsExactly("DRAFT>SUBMIT_INTAKE>INTAKE");
        assertThat(api.get("/api/v1/challenges/" + p.id() + "/status-changes").send().json()
                .at("/items/0/actor").isNull()).isTrue();

        Person alone = world.resident();
        String draft = ChallengeWorld.created(world.create(alone, ChallengeWorld.content()));
        assertThat(fixtures.erase(alone).status()).isEqualTo(204);
        assertThat(world.join(world.resident(), draft).status()).isEqualTo(404);
    }

    private static List<String> names(ApiResponse response) {
        List<String> names = new ArrayList<>();
        response.json().path("invalidParams").forEach(param -> names.add(param.get("name").asText()));
        return names;
    }
}
