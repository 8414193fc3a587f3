package nl.wijkopmaat.initiative;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AnswerTermTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    InitiativeService service;
    @Inject
    TestClock clock;

    InitiativeWorld world;

    @BeforeEach
    void setUp() {
        world = new InitiativeWorld(api, fixtures);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAnswerIsDueTenWorkingDaysAfterTheOwnerIsAssigned() {
        String id = world.inStatus("SUBMITTED", service);
        clock.setTo(ZonedDateTime.parse("2026-11-27T16:00:00+01:00[Europe/Amsterdam]").toInstant());
        ApiResponse owned = world.assignOwner(world.official, id);
        assertThat(owned.text("/answerDueDate")).as("Friday + 10 working days").isEqualTo("2026-12-11");
    }

    @Test
    void theOverdueListShowsExactlyTheInitiativesPastTheirDateWithoutADecision() {
        clock.setTo(ZonedDateTime.parse("2026-11-02T10:00:00+01:00[Europe/Amsterdam]").toInstant());
        String overdue = world.inStatus("IN_REVIEW", service);
        String decided = world.inStatus("APPROVED", service);
        String waitingForOwner = world.inStatus("SUBMITTED", service);
        clock.advance(Duration.ofDays(10));
        String stillInTime = world.inStatus("IN_REVIEW", service);
        clock.advance(Duration.ofDays(7));

        String path = "/api/v1/municipalities/" + world.municipality.id() + "/overdue-initiatives";
        assertThat(ids(api.get(path).token(world.official.accessToken()).send())).containsExactly(overdue);
        assertThat(ids(api.get(path).query("wijk", world.wijk.id()).token(world.chair.accessToken()).send()))
                .containsExactly(overdue);
        assertThat(api.get(path).token(world.chair.accessToken()).send().status()).as("a chair sees their own wijk").isEqualTo(403);
        assertThat(api.get(path).query("wijk", world.wijk.id()).token(world.otherChair.accessToken()).send().status())
                .isEqualTo(403);
        assertThat(api.get(path).token(world.neighbour.accessToken()).send().status()).isEqualTo(403);
        assertThat(List.of(decided, waitingForOwner, stillInTime)).doesNotContain(overdue);
    }

    @Test
    void aResubmittedInitiativeGoesBackToItsOwnerWithANewTerm() {
        clock.setTo(ZonedDateTime.parse("2026-11-02T10:00:00+01:00[Europe/Amsterdam]").toInstant());
        String id = world.inStatus("CHANGES_REQUESTED", service);
        clock.setTo(ZonedDateTime.parse("2026-11-27T16:00:00+01:00[Europe/Amsterdam]").toInstant());

        ApiResponse resubmitted = world.status(world.author, id, "RESUBMIT");
        assertThat(resubmitted.status()).isEqualTo(201);
        assertThat(resubmitted.text("/toStatus")).isEqualTo("SUBMITTED");

        ApiResponse initiative = world.get(world.author, id);
        assertThat(initiative.text("/status")).isEqualTo("IN_REVIEW");
        assertThat(initiative.text("/owner/id")).isEqualTo(world.official.id().toString());
        assertThat(initiative.text("/answerDueDate")).as("Friday + 10 working days, from the resubmission").isEqualTo("2026-12-11");

        String history = "/api/v1/initiatives/" + id + "/status-changes";
        JsonNode dutch = api.get(history).header("Accept-Language", "nl").send().json().get("items");
        JsonNode returned = dutch.get(dutch.size() - 1);
        assertThat(dutch.get(dutch.size() - 2).get("action").asText()).isEqualTo("RESUBMIT");
        assertThat(dutch.get(dutch.size() - 2).get("actor").get("id").asText()).isEqualTo(world.author.id().toString());
        assertThat(returned.get("action").asText()).isEqualTo("ASSIGN_OWNER");
        assertThat(returned.get("fromStatus").asText() + ">" + returned.get("toStatus").asText()).isEqualTo("SUBMITTED>IN_REVIEW");
        assertThat(returned.get("actor").isNull()).as("taken by the system").isTrue();
        assertThat(returned.get("reason").asText()).startsWith("Na het opnieuw indienen automatisch teruggegeven");
        JsonNode english = api.get(history).header("Accept-Language", "en").send().json().get("items");
        assertThat(english.get(english.size() - 1).get("reason").asText()).startsWith("Returned automatically to the previous owner");

        assertThat(world.review(world.official, id, "APPROVE", null).status()).as("the owner answers at once").isEqualTo(201);
    }

    @Test
    void aResubmittedInitiativeWhoseOwnerLeftWaitsForAnOfficial() {
        String id = world.inStatus("CHANGES_REQUESTED", service);
        Person admin = fixtures.withRole(world.municipality.id(), Role.ADMIN, world.municipality.id());
        String staff = "/api/v1/municipalities/" + world.municipality.id() + "/staff";
        for (JsonNode assignment : api.get(staff).token(admin.accessToken()).query("limit", 100).send().json().get("items")) {
            if (assignment.get("accountId").asText().equals(world.official.id().toString())) {
                api.delete(staff + "/" + assignment.get("id").asText()).token(admin.accessToken()).send();
            }
        }

        assertThat(world.status(world.author, id, "RESUBMIT").status()).isEqualTo(201);
        ApiResponse initiative = world.get(world.author, id);
        assertThat(initiative.text("/status")).isEqualTo("SUBMITTED");
        assertThat(initiative.json().get("owner").isNull()).isTrue();
        assertThat(initiative.json().get("answerDueDate").isNull()).isTrue();
        JsonNode history = api.get("/api/v1/initiatives/" + id + "/status-changes").send().json().get("items");
        assertThat(history.get(history.size() - 1).get("action").asText()).isEqualTo("RESUBMIT");

        Person successor = fixtures.withRole(world.municipality.id(), Role.OFFICIAL, world.municipality.id());
        ApiResponse taken = api.put("/api/v1/initiatives/" + id + "/owner").token(successor.accessToken())
                .json(Map.of("ownerId", successor.id().toString())).send();
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.text("/status")).isEqualTo("IN_REVIEW");
    }

    private static List<String> ids(ApiResponse page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
