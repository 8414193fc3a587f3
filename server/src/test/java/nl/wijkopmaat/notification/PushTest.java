package nl.wijkopmaat.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.FakeFcm;
import nl.wijkopmaat.support.FakeFcm.Answer;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PushTest {

    private static final Instant MIDDAY = ZonedDateTime.parse("2026-12-01T12:00:00+01:00[Europe/Amsterdam]").toInstant();

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    FakeFcm fcm;
    @Inject
    TestClock clock;
    @Inject
    PushDispatcher dispatcher;
    @Inject
    PushJobRepository jobs;
    @Inject
    DeviceRepository devices;
    @Inject
    NotificationService notifications;
    @Inject
    PushOutbox outbox;
    @Inject
    PushGateway gateway;
    @Inject
    TransactionOperations<?> transactions;
    @Inject
    NotificationTexts texts;
    @Inject
    PushSettings settings;
    @Inject
    @Named(TaskExecutors.IO)
    ExecutorService sender;

    MunicipalityView municipality;
    WijkDetail wijk;
    Person author;
    Person supporter;
    Person official;
    String initiativeId;

    @BeforeEach
    void setUp() {
        clock.setTo(MIDDAY);
        fcm.clear();
        drain();
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id());
        author = fixtures.resident(municipality.id());
        supporter = fixtures.resident(municipality.id());
        official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        Map<String, Object> content = new HashMap<>(Map.of("title", "Moestuin in het park", "description", "Samen tuinieren.",
                "theme", "GROEN", "wijkId", wijk.id().toString(), "requestedBudgetCents", 0));
        initiativeId = api.post("/api/v1/initiatives").token(author.accessToken()).json(content).send().text("/id");
        api.post("/api/v1/initiatives/" + initiativeId + "/status-changes").token(author.accessToken())
                .json(Map.of("action", "SUBMIT")).send();
        api.post("/api/v1/initiatives/" + initiativeId + "/supports").token(supporter.accessToken()).send();
        api.put("/api/v1/initiatives/" + initiativeId + "/owner").token(official.accessToken())
                .json(Map.of("ownerId", official.id().toString())).send();
        drain();
        fcm.clear();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Sends everything that is due now, the way the scheduled dispatcher does. */
    private void drain() {
        dispatcher.drain();
    }

    private String registerDevice(Person person, String platform) {
        String token = "fcm-" + UUID.randomUUID();
        ApiResponse response = api.post("/api/v1/devices").token(person.accessToken())
                .json(Map.of("token", token, "platform", platform, "locale", "nl", "appVersion", "1.4.0")).send();
        assertThat(response.status()).isEqualTo(201);
        return token;
    }

    private ApiResponse approve() {
        return api.post("/api/v1/initiatives/" + initiativeId + "/reviews").token(official.accessToken())
                .json(Map.of("decision", "APPROVE")).send();
    }

    private int inboxSize(Person person) {
        return api.get("/api/v1/notifications").token(person.accessToken()).send().json().get("items").size();
    }

    @Test
    void aCommittedReviewFillsInboxesAndPushesOncePerDevice() {
        String authorPhone = registerDevice(author, "ANDROID");
        String authorTablet = registerDevice(author, "IOS");
        String supporterPhone = registerDevice(supporter, "ANDROID");
        int authorInbox = inboxSize(author);

        assertThat(approve().status()).isEqualTo(201);
        drain();
        drain();

        assertThat(FakeFcm.tokens(fcm.sent())).containsExactlyInAnyOrder(authorPhone, authorTablet, supporterPhone);
        FakeFcm.Sent toAuthor = fcm.sentTo(authorPhone).get(0);
        assertThat(toAuthor.url()).isEqualTo(FakeFcm.SEND_URL);
        assertThat(toAuthor.authorization()).isEqualTo("Bearer test-access-token");
        JsonNode message = toAuthor.message();
        assertThat(message.at("/notification/title").asText()).isEqualTo("Initiatief goedgekeurd");
        assertThat(message.at("/notification/body").asText()).isEqualTo("\"Moestuin in het park\" is goedgekeurd.");
        assertThat(message.at("/data/kind").asText()).isEqualTo("INITIATIVE_APPROVED");
        assertThat(message.at("/data/resourceType").asText()).isEqualTo("INITIATIVE");
        assertThat(message.at("/data/resourceId").asText()).isEqualTo(initiativeId);
        assertThat(message.at("/android/priority").asText()).isEqualTo("high");
        assertThat(message.at("/apns/headers/apns-priority").asText()).isEqualTo("10");

        ApiResponse inbox = api.get("/api/v1/notifications").token(author.accessToken()).send();
        assertThat(inbox.json().get("items")).hasSize(authorInbox + 1);
        assertThat(inbox.text("/items/0/kind")).isEqualTo("INITIATIVE_APPROVED");
        assertThat(inbox.text("/items/0/category")).isEqualTo("MY_INITIATIVES");
        assertThat(message.at("/data/notificationId").asText()).isEqualTo(inbox.text("/items/0/id"));
        assertThat(api.get("/api/v1/notifications").token(supporter.accessToken()).send().text("/items/0/category"))
                .isEqualTo("SUPPORTED_INITIATIVES");
        assertThat(api.get("/api/v1/notifications").token(official.accessToken()).send().json().get("items")
                .findValuesAsText("kind")).as("the actor hears nothing of their review").doesNotContain("INITIATIVE_APPROVED");
    }

    @Test
    void eachDeviceGetsThePushInItsOwnLanguage() {
        String dutchPhone = registerDevice(author, "ANDROID");
        String englishTablet = "fcm-" + UUID.randomUUID();
        api.post("/api/v1/devices").token(author.accessToken())
                .json(Map.of("token", englishTablet, "platform", "IOS", "locale", "en")).send();
        approve();
        drain();
        assertThat(fcm.sentTo(dutchPhone).get(0).message().at("/notification/title").asText())
                .isEqualTo("Initiatief goedgekeurd");
        JsonNode english = fcm.sentTo(englishTablet).get(0).message();
        assertThat(english.at("/notification/title").asText()).isEqualTo("Initiative approved");
        assertThat(english.at("/notification/body").asText()).isEqualTo("\"Moestuin in het park\" was approved.");
    }

    @Test
    void anUnregisteredTokenIsRemovedAndNeverTriedAgain() {
        String token = registerDevice(author, "ANDROID");
        fcm.script(token, Answer.unregistered());
        approve();
        drain();
        assertThat(fcm.sentTo(token)).hasSize(1);
        assertThat(devices.findByAccountId(author.id())).isEmpty();

        api.post("/api/v1/initiatives/" + initiativeId + "/status-changes").token(author.accessToken())
                .json(Map.of("action", "START")).send();
        drain();
        assertThat(fcm.sentTo(token)).hasSize(1);
    }

    @Test
    void unavailableIsRetriedLaterAndThenDelivered() {
        String token = registerDevice(author, "ANDROID");
        fcm.script(token, new Answer(503, "UNAVAILABLE", "120"));
        approve();
        drain();
        assertThat(fcm.sentTo(token)).hasSize(1);

        clock.advance(Duration.ofSeconds(60));
        drain();
        assertThat(fcm.sentTo(token)).as("not before Retry-After").hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        drain();
        assertThat(fcm.sentTo(token)).hasSize(2);
        drain();
        assertThat(fcm.sentTo(token)).as("delivered once, not again").hasSize(2);
    }

    @Test
    void quotaExceededWaitsForRetryAfter() {
        String token = registerDevice(author, "IOS");
        fcm.script(token, Answer.quotaExceeded(600));
        approve();
        drain();
        clock.advance(Duration.ofMinutes(9));
        drain();
        assertThat(fcm.sentTo(token)).hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        drain();
        assertThat(fcm.sentTo(token)).hasSize(2);
    }

    @Test
    void aJobClaimedByADeadInstanceIsDeliveredAfterTheLease() {
        String token = registerDevice(author, "ANDROID");
        approve();
        List<PushJob> pending = jobs.findAll().stream()
                .filter(job -> job.status() == PushStatus.PENDING && job.notBefore().compareTo(clock.instant()) <= 0)
                .toList();
        assertThat(pending).isNotEmpty();
        pending.forEach(job -> jobs.update(new PushJob(job.id(), job.notificationId(), job.deviceId(), PushStatus.CLAIMED,
                job.attempts(), job.notBefore(), "instance-that-died", clock.instant().plus(Duration.ofMinutes(2)),
                null, null, job.createdAt(), null)));

        drain();
        assertThat(fcm.sentTo(token)).as("still leased to the other instance").isEmpty();

        clock.advance(Duration.ofMinutes(3));
        drain();
        assertThat(fcm.sentTo(token)).hasSize(1);
    }

    @Test
    void quietHoursHoldPushesUntilEightInTheMorning() {
        String token = registerDevice(author, "ANDROID");
        clock.setTo(ZonedDateTime.parse("2026-12-01T23:30:00+01:00[Europe/Amsterdam]").toInstant());
        int before = inboxSize(author);
        approve();
        assertThat(inboxSize(author)).as("the inbox gets it at once").isEqualTo(before + 1);
        drain();
        assertThat(fcm.sentTo(token)).isEmpty();

        clock.setTo(ZonedDateTime.parse("2026-12-02T07:59:00+01:00[Europe/Amsterdam]").toInstant());
        drain();
        assertThat(fcm.sentTo(token)).isEmpty();

        clock.setTo(ZonedDateTime.parse("2026-12-02T08:00:00+01:00[Europe/Amsterdam]").toInstant());
        drain();
        assertThat(fcm.sentTo(token)).hasSize(1);
    }

    @Test
    void aReminderPushWaitsForItsNotBeforeTime() {
        String token = registerDevice(author, "ANDROID");
        Instant tomorrowNine = MIDDAY.plus(Duration.ofHours(21));
        Notice reminder = new Notice(author.id(), NotificationCategory.REMINDERS, "INITIATIVE_STARTED", "INITIATIVE",
                UUID.fromString(initiativeId), Map.of("title", "Moestuin in het park"));
        transactions.executeWrite(status -> {
            notifications.notify(List.of(reminder), tomorrowNine);
            return null;
        });
        drain();
        assertThat(fcm.sentTo(token)).isEmpty();
        clock.setTo(tomorrowNine);
        drain();
        assertThat(fcm.sentTo(token)).hasSize(1);
    }

    @Test
    void aTokenThatMovesDoesNotReceiveThePreviousOwnersQueuedPushes() {
        String token = registerDevice(author, "ANDROID");
        clock.setTo(ZonedDateTime.parse("2026-12-01T23:30:00+01:00[Europe/Amsterdam]").toInstant());
        approve();
        assertThat(api.post("/api/v1/devices").token(supporter.accessToken())
                .json(Map.of("token", token, "platform", "ANDROID")).send().status()).isEqualTo(201);
        clock.setTo(ZonedDateTime.parse("2026-12-02T08:01:00+01:00[Europe/Amsterdam]").toInstant());
        drain();
        assertThat(fcm.sentTo(token)).extracting(sent -> sent.message().at("/notification/title").asText())
                .as("the supporter's own push may arrive, the author's may not")
                .doesNotContain("Initiatief goedgekeurd");
    }

    @Test
    void aRefusedPayloadKillsTheJobButKeepsTheDevice() {
        String token = registerDevice(author, "ANDROID");
        fcm.script(token, Answer.invalidPayload());
        approve();
        drain();
        assertThat(fcm.sentTo(token)).hasSize(1);
        assertThat(devices.findByAccountId(author.id())).hasSize(1);
        assertThat(jobs.findAll()).filteredOn(job -> job.status() == PushStatus.DEAD)
                .anyMatch(job -> job.lastError() != null && job.lastError().startsWith("INVALID_ARGUMENT"));
    }

    @Test
    void temporaryFailuresGiveUpAfterTheLimitWithAReasonThatFits() {
        String token = registerDevice(author, "ANDROID");
        Answer[] failures = new Answer[8];
        java.util.Arrays.fill(failures, Answer.badGatewayPage());
        fcm.script(token, failures);
        approve();
        for (int hours = 0; hours < 60; hours += 2) {
            drain();
            clock.advance(Duration.ofHours(2));
        }
        assertThat(fcm.sentTo(token)).hasSize(8);
        PushJob dead = jobs.findAll().stream().filter(job -> job.status() == PushStatus.DEAD)
                .filter(job -> job.lastError() != null && job.lastError().startsWith("gave up after 8 attempts"))
                .findFirst().orElseThrow();
        assertThat(dead.lastError().length()).isLessThanOrEqualTo(500);
        assertThat(devices.findByAccountId(author.id())).as("a flaky network says nothing about the token").hasSize(1);
    }

    @Test
    void aRetryWaitsForQuietHoursToo() {
        String token = registerDevice(author, "ANDROID");
        clock.setTo(ZonedDateTime.parse("2026-12-01T21:58:00+01:00[Europe/Amsterdam]").toInstant());
        fcm.script(token, new Answer(503, "UNAVAILABLE", "120"));
        approve();
        drain();
        assertThat(fcm.sentTo(token)).hasSize(1);
        clock.setTo(ZonedDateTime.parse("2026-12-01T22:05:00+01:00[Europe/Amsterdam]").toInstant());
        drain();
        assertThat(fcm.sentTo(token)).hasSize(1);
        clock.setTo(ZonedDateTime.parse("2026-12-02T08:00:00+01:00[Europe/Amsterdam]").toInstant());
        drain();
        assertThat(fcm.sentTo(token)).hasSize(2);
    }

    @Test
    void twoDispatchersSendEveryJobExactlyOnce() throws Exception {
        String token = registerDevice(author, "ANDROID");
        List<Notice> notices = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> new Notice(author.id(), NotificationCategory.MY_INITIATIVES, "INITIATIVE_STARTED",
                        "INITIATIVE", UUID.fromString(initiativeId), Map.of("title", "Nummer " + i)))
                .toList();
        transactions.executeWrite(status -> {
            notifications.notify(notices);
            return null;
        });
        PushDispatcher other = new PushDispatcher(outbox, gateway, texts, settings, sender);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> drainWith(dispatcher));
            var second = pool.submit(() -> drainWith(other));
            first.get();
            second.get();
        } finally {
            pool.shutdown();
        }
        List<String> delivered = fcm.sentTo(token).stream().map(sent -> sent.message().at("/data/notificationId").asText()).toList();
        assertThat(delivered).hasSize(300).doesNotHaveDuplicates();
    }

    private static void drainWith(PushDispatcher dispatcher) {
        for (int idle = 0; idle < 3; ) {
            idle = dispatcher.drain() == 0 ? idle + 1 : 0;
        }
    }

    @Test
    void finishedJobsAreRemovedAfterTheRetention() {
        registerDevice(author, "ANDROID");
        approve();
        drain();
        clock.advance(Duration.ofDays(31));
        // Other tests may have finished jobs at later clock times; those are not due for removal yet.
        Instant horizon = clock.instant().minus(Duration.ofDays(30));
        long due = jobs.findAll().stream()
                .filter(job -> job.status() == PushStatus.SENT && job.finishedAt().isBefore(horizon))
                .count();
        assertThat(due).as("this test's sent jobs among them").isPositive();
        assertThat(outbox.removeFinished()).isGreaterThanOrEqualTo((int) due);
        assertThat(jobs.findAll()).noneMatch(job -> job.status() == PushStatus.SENT && job.finishedAt().isBefore(horizon));
    }

    @Test
    void withPushSwitchedOffOnlyTheInboxGetsIt() {
        String token = registerDevice(author, "ANDROID");
        ApiResponse updated = api.put("/api/v1/me/notification-preferences").token(author.accessToken())
                .json(Map.of("push", PreferencesTest.allOn("myInitiatives", false),
                        "quietHours", Map.of("start", "23:00", "end", "07:00"))).send();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/push/myInitiatives").asBoolean()).isFalse();
        assertThat(updated.json().at("/push/supportedInitiatives").asBoolean()).isTrue();
        int before = inboxSize(author);

        approve();
        drain();

        assertThat(fcm.sentTo(token)).isEmpty();
        assertThat(inboxSize(author)).isEqualTo(before + 1);
    }
}
