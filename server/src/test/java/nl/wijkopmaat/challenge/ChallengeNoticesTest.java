package nl.wijkopmaat.challenge;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.challenge.ChallengeWorld.Proposal;
import nl.wijkopmaat.notification.Reminders;
import nl.wijkopmaat.notification.Reminders.Pending;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who hears about the steps on a proposal, the report reminders, and the start of the execution. */
@MicronautTest(transactional = false)
class ChallengeNoticesTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    Reminders reminders;
    @Inject
    ExecutionStart executionStart;

    ChallengeWorld world;

    @BeforeEach
    void world() {
        clock.setToMiddayInAmsterdam();
        world = new ChallengeWorld(api, fixtures);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyStepReachesTheGroupButNotTheActorAndASubmittedPlanReachesTheChair() {
        Proposal p = world.in("ADVISED");
        assertThat(kinds(p.member())).contains("CHALLENGE_SUBMIT_INTAKE", "CHALLENGE_DECLARE_ELIGIBLE",
                "CHALLENGE_SUBMIT_PLAN", "CHALLENGE_ADVISE");
        assertThat(kinds(p.contact())).contains("CHALLENGE_JOIN", "CHALLENGE_DECLARE_ELIGIBLE", "CHALLENGE_ADVISE")
                .doesNotContain("CHALLENGE_SUBMIT_INTAKE", "CHALLENGE_SUBMIT_PLAN");
        assertThat(kinds(world.chair)).contains("CHALLENGE_SUBMIT_PLAN").doesNotContain("CHALLENGE_ADVISE");
        assertThat(kinds(world.otherChair)).doesNotContain("CHALLENGE_SUBMIT_PLAN");
        assertThat(titles(world.chair)).contains("Right to Challenge wacht op uw advies");
    }

    @Test
    void reportRemindersGoOutAWeekAheadAndAreWithdrawnWhenTheProposalEnds() {
        Proposal p = world.in("ACCEPTED");
        LocalDate today = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME);
        LocalDate first = today.plusMonths(3);
        LocalDate second = today.plusMonths(6);
        LocalDate soon = today.plusDays(3);
        assertThat(world.agree(world.official, p.id(), today, List.of(soon, first, second)).status()).isEqualTo(200);
        String prefix = "challenge:" + p.id() + ":report";

        List<Pending> pending = reminders.pending(prefix);
        assertThat(pending).extracting(Pending::recipient).containsOnly(p.contact().id(), p.member().id());
        assertThat(pending).hasSize(6).extracting(Pending::kind).containsOnly("CHALLENGE_REPORT_REMINDER");
        assertThat(pending).filteredOn(r -> r.key().endsWith(first.toString())).extracting(Pending::dueAt)
                .containsOnly(first.minusWeeks(1).atTime(LocalTime.of(9, 0)).atZone(ChallengeWorld.MUNICIPAL_TIME).toInstant());

        Person latecomer = world.resident();
        assertThat(world.join(latecomer, p.id()).status()).isEqualTo(201);
        assertThat(reminders.pending(prefix)).filteredOn(r -> r.recipient().equals(latecomer.id())).hasSize(3);

        // The moment three days from now is within the week: its reminder is due at once.
        reminders.releaseDue();
        assertThat(kinds(latecomer)).contains("CHALLENGE_REPORT_REMINDER");
        assertThat(reminders.pending(prefix)).noneMatch(r -> r.key().endsWith(soon.toString()));

        assertThat(world.report(p.member(), p.id(), first).status()).isEqualTo(201);
        assertThat(reminders.pending(prefix)).noneMatch(r -> r.key().endsWith(first.toString()))
                .anyMatch(r -> r.key().endsWith(second.toString()));

        assertThat(world.evaluate(world.official, p.id()).status()).isEqualTo(200);
        assertThat(reminders.pending(prefix)).isEmpty();
    }

    @Test
    void aCorrectedAgreementMovesTheReminders() {
        Proposal p = world.in("ACCEPTED");
        LocalDate start = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).plusDays(30);
        String prefix = "challenge:" + p.id() + ":report";
        assertThat(world.agree(world.official, p.id(), start, List.of(start.plusMonths(2))).status()).isEqualTo(200);
        assertThat(world.agree(world.official, p.id(), start, List.of(start.plusMonths(4))).status()).isEqualTo(200);
        assertThat(reminders.pending(prefix)).extracting(Pending::key).containsOnly(prefix + ":" + start.plusMonths(4));
        assertThat(api.get("/api/v1/challenges/" + p.id() + "/agreement").send().json().get("reportingMoments"))
                .hasSize(1);
    }

    @Test
    void theExecutionStartsByItselfOnTheAgreementsStartDate() {
        Proposal p = world.in("ACCEPTED");
        LocalDate start = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).plusDays(5);
        assertThat(world.agree(world.official, p.id(), start, List.of(start.plusMonths(3))).status()).isEqualTo(200);
        executionStart.run();
        assertThat(world.get(p.contact(), p.id()).text("/status")).isEqualTo("ACCEPTED");

        clock.advance(Duration.ofDays(5));
        assertThat(executionStart.run()).isGreaterThanOrEqualTo(1);
        assertThat(world.get(p.contact(), p.id()).text("/status")).isEqualTo("IN_EXECUTION");
        assertThat(world.history(p.id())).last().isEqualTo("ACCEPTED>START_EXECUTION>IN_EXECUTION");
        assertThat(kinds(p.contact())).contains("CHALLENGE_START_EXECUTION");
        executionStart.run();
        assertThat(world.history(p.id())).filteredOn(step -> step.contains("START_EXECUTION")).hasSize(1);
    }

    private List<String> kinds(Person person) {
        List<String> kinds = new ArrayList<>();
        api.get("/api/v1/notifications").query("limit", 100).token(person.accessToken()).send().json().get("items")
                .forEach(item -> kinds.add(item.get("kind").asText()));
        return kinds;
    }

    private List<String> titles(Person person) {
        List<String> titles = new ArrayList<>();
        api.get("/api/v1/notifications").query("limit", 100).token(person.accessToken()).header("Accept-Language", "nl")
                .send().json().get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }
}
