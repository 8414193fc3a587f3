package nl.wijkopmaat.notification;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.FakeFcm;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ScheduledNoticesTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    Reminders reminders;
    @Inject
    TestClock clock;
    @Inject
    FakeFcm fcm;
    @Inject
    Outbox outbox;

    MunicipalityView municipality;
    Person anna;
    Person bram;
    String prefix;

    @BeforeEach
    void setUp() {
        clock.setToMiddayInAmsterdam();
        municipality = fixtures.municipality();
        anna = fixtures.resident(municipality.id());
        bram = fixtures.resident(municipality.id());
        prefix = "test:" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Notice reminder(Person person, String title) {
        return new Notice(person.id(), NotificationCategory.REMINDERS, "INITIATIVE_OWNER_ASSIGNED",
                "INITIATIVE", UUID.randomUUID(), Map.of("title", title));
    }

    private List<String> inboxTitles(Person person) {
        ApiResponse inbox = api.get("/api/v1/notifications").token(person.accessToken()).send();
        return inbox.json().get("items").findValuesAsText("body");
    }

    @Test
    void aScheduledNoticeReachesTheInboxOnlyAtItsTime() {
        Instant at = clock.instant().plus(Duration.ofHours(2));
        reminders.schedule(prefix + "report:1", at, List.of(reminder(anna, "Verslag 1"), reminder(bram, "Verslag 1")));

        reminders.releaseDue();
        assertThat(inboxTitles(anna)).isEmpty();
        assertThat(reminders.pending(prefix)).extracting(Reminders.Pending::recipient)
                .containsExactlyInAnyOrder(anna.id(), bram.id());
        assertThat(reminders.pending(prefix)).extracting(Reminders.Pending::dueAt).containsOnly(at);

        clock.advance(Duration.ofHours(2));
        reminders.releaseDue();
        assertThat(inboxTitles(anna)).singleElement().asString().contains("Verslag 1");
        assertThat(inboxTitles(bram)).singleElement().asString().contains("Verslag 1");
        assertThat(reminders.pending(prefix)).isEmpty();

        reminders.releaseDue();
        assertThat(inboxTitles(anna)).hasSize(1);
    }

    @Test
    void aMomentThatHasPassedIsDueAtOnce() {
        reminders.schedule(prefix + "late", clock.instant().minus(Duration.ofMinutes(5)), List.of(reminder(anna, "Te laat")));

        reminders.releaseDue();

        assertThat(inboxTitles(anna)).singleElement().asString().contains("Te laat");
    }

    @Test
    void schedulingUnderAKeyAgainReplacesWhatWasThere() {
        Instant first = clock.instant().plus(Duration.ofDays(3));
        Instant moved = clock.instant().plus(Duration.ofDays(5));
        reminders.schedule(prefix + "reminder", first, List.of(reminder(anna, "Eerst"), reminder(bram, "Eerst")));
        reminders.schedule(prefix + "reminder", moved, List.of(reminder(anna, "Verplaatst")));

        assertThat(reminders.pending(prefix)).singleElement().satisfies(pending -> {
            assertThat(pending.recipient()).isEqualTo(anna.id());
            assertThat(pending.dueAt()).isEqualTo(moved);
        });
        clock.advance(Duration.ofDays(5));
        reminders.releaseDue();
        assertThat(inboxTitles(anna)).singleElement().asString().contains("Verplaatst");
        assertThat(inboxTitles(bram)).isEmpty();
    }

    @Test
    void withdrawnNoticesNeverArrive() {
        Instant at = clock.instant().plus(Duration.ofDays(1));
        reminders.schedule(prefix + "report:1", at, List.of(reminder(anna, "Een"), reminder(bram, "Een")));
        reminders.schedule(prefix + "report:2", at, List.of(reminder(anna, "Twee")));
        reminders.schedule(prefix + "report:3", at, List.of(reminder(anna, "Drie")));
        String other = "test:" + UUID.randomUUID() + ":report:1";
        reminders.schedule(other, at, List.of(reminder(bram, "Ander")));

        reminders.withdraw(prefix + "report:1", anna.id());
        assertThat(reminders.pending(prefix + "report:1")).extracting(Reminders.Pending::recipient)
                .containsExactly(bram.id());
        reminders.withdraw(prefix + "report:2");
        assertThat(reminders.pending(prefix + "report:2")).isEmpty();
        reminders.withdrawAll(prefix);
        assertThat(reminders.pending(prefix)).isEmpty();

        clock.advance(Duration.ofDays(1));
        reminders.releaseDue();
        assertThat(inboxTitles(anna)).isEmpty();
        assertThat(inboxTitles(bram)).singleElement().asString().contains("Ander");
    }

    @Test
    void aKeyPrefixIsLiteralNotAPattern() {
        Instant at = clock.instant().plus(Duration.ofDays(1));
        reminders.schedule(prefix + "a_b", at, List.of(reminder(anna, "Streepje")));
        reminders.schedule(prefix + "axb", at, List.of(reminder(anna, "Kruis")));

        reminders.withdrawAll(prefix + "a_");

        assertThat(reminders.pending(prefix)).extracting(Reminders.Pending::key).containsExactly(prefix + "axb");
    }

    @Test
    void releasingSideBySideDeliversEachNoticeOnce() throws Exception {
        List<Person> people = IntStream.range(0, 40).mapToObj(i -> fixtures.resident(municipality.id())).toList();
        Instant at = clock.instant().plus(Duration.ofMinutes(10));
        for (Person person : people) {
            reminders.schedule(prefix + person.id(), at, List.of(reminder(person, "Eén keer")));
        }
        clock.advance(Duration.ofMinutes(10));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> releasers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                releasers.add(reminders::releaseDue);
            }
            int released = 0;
            for (Future<Integer> result : pool.invokeAll(releasers)) {
                released += result.get();
            }
            assertThat(released).isGreaterThanOrEqualTo(people.size());
        } finally {
            pool.shutdown();
        }

        for (Person person : people) {
            assertThat(inboxTitles(person)).as("inbox of %s", person.email()).hasSize(1);
        }
        assertThat(reminders.pending(prefix)).isEmpty();
    }

    /**
     * Features schedule in their own transactions, at the database's default isolation: scheduling
     * under keys that do not exist yet must not lock the gaps between keys, or two requests that
     * each schedule a new reminder deadlock on each other's inserts.
     */
    @Test
    void schedulingNewKeysSideBySideNeverDeadlocks() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> schedulers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                schedulers.add(() -> {
                    for (int round = 0; round < 20; round++) {
                        String key = prefix + UUID.randomUUID();
                        reminders.scheduleTwice(key, clock.instant().plus(Duration.ofDays(1)),
                                List.of(reminder(anna, "Nieuw")), List.of(reminder(bram, "Nieuw")));
                    }
                    return null;
                });
            }
            for (Future<Void> result : pool.invokeAll(schedulers)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(reminders.pending(prefix)).hasSize(8 * 20)
                .extracting(Reminders.Pending::recipient).containsOnly(bram.id());
    }

    @Test
    void aReleasedReminderIsPushedToTheRecipientsDevices() {
        fcm.clear();
        String token = "fcm-" + UUID.randomUUID();
        assertThat(api.post("/api/v1/devices").token(anna.accessToken())
                .json(Map.of("token", token, "platform", "ANDROID", "locale", "nl")).send().status()).isEqualTo(201);
        reminders.schedule(prefix + "push", clock.instant().plus(Duration.ofHours(1)), List.of(reminder(anna, "Duw")));

        outbox.drain();
        assertThat(fcm.sentTo(token)).isEmpty();

        clock.advance(Duration.ofHours(1));
        reminders.releaseDue();
        outbox.drain();
        assertThat(fcm.sentTo(token)).hasSize(1);
    }
}
