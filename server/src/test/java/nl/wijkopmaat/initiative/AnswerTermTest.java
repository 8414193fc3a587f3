package nl.wijkopmaat.initiative;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

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

    private static List<String> ids(ApiResponse page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
