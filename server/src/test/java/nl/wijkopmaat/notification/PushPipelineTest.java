package nl.wijkopmaat.notification;

import io.micronaut.context.annotation.Property;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.FakeFcm;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.TestClock;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher claims the next batch while the current one is being sent: with small batches,
 * every job still goes out exactly once and is recorded as sent, also with two dispatchers.
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.push.batch-size", value = "40")
@Property(name = "wijkopmaat.push.test-transport-round-trip", value = "20ms")
class PushPipelineTest {

    private static final int JOBS = 300;

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
    NotificationService notifications;
    @Inject
    PushOutbox outbox;
    @Inject
    PushGateway gateway;
    @Inject
    NotificationTexts texts;
    @Inject
    PushSettings settings;
    @Inject
    TransactionOperations<?> transactions;
    @Inject
    @Named(TaskExecutors.IO)
    ExecutorService sender;

    Person person;
    String token;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void setUp() {
        clock.setToMiddayInAmsterdam();
        dispatcher.drain();
        fcm.clear();
        person = fixtures.resident(fixtures.municipality().id());
        token = "fcm-" + UUID.randomUUID();
        assertThat(api.post("/api/v1/devices").token(person.accessToken())
                .json(Map.of("token", token, "platform", "ANDROID", "locale", "nl", "appVersion", "1.4.0"))
                .send().status()).isEqualTo(201);
        List<Notice> notices = IntStream.range(0, JOBS)
                .mapToObj(i -> new Notice(person.id(), NotificationCategory.MY_INITIATIVES, "INITIATIVE_STARTED",
                        "INITIATIVE", UUID.randomUUID(), Map.of("title", "Nummer " + i)))
                .toList();
        transactions.executeWrite(status -> {
            notifications.notify(notices);
            return null;
        });
    }

    @Test
    void drainingSendsAndRecordsEveryBatch() {
        int handled = dispatcher.drain();

        assertThat(handled).isEqualTo(JOBS);
        List<String> delivered = delivered();
        assertThat(delivered).hasSize(JOBS).doesNotHaveDuplicates();
        assertThat(jobs.findAll()).filteredOn(job -> delivered.contains(job.notificationId().toString()))
                .hasSize(JOBS)
                .allMatch(job -> job.status() == PushStatus.SENT);
        assertThat(dispatcher.drain()).isZero();
    }

    @Test
    void twoDrainingDispatchersSendEveryJobOnce() throws Exception {
        PushDispatcher other = new PushDispatcher(outbox, gateway, texts, settings, sender);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(dispatcher::drain);
            Future<Integer> second = pool.submit(other::drain);
            assertThat(first.get() + second.get()).isEqualTo(JOBS);
        } finally {
            pool.shutdown();
        }
        assertThat(delivered()).hasSize(JOBS).doesNotHaveDuplicates();
    }

    private List<String> delivered() {
        return fcm.sentTo(token).stream().map(sent -> sent.message().at("/data/notificationId").asText()).toList();
    }
}
