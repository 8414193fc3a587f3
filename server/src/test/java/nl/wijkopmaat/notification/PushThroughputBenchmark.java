package nl.wijkopmaat.notification;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.Hashing;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the dispatcher empties a full push outbox: 50,000 due jobs, one per device, sent
 * through the real Firebase Admin SDK to {@link nl.wijkopmaat.support.FakeFcm}. Only the dispatch is
 * timed; the outbox is filled with plain JDBC beforehand. Run with {@code -Pbenchmark} (-Xmx512m).
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.push.test-transport-records", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushThroughputBenchmark {

    private static final int MESSAGES = 50_000;
    private static final int INSERT_CHUNK = 1_000;
    private static final double MIN_MESSAGES_PER_SECOND = 2_000;
    private static final long HEAP_LIMIT_MB = 512;

    @Inject
    PushDispatcher dispatcher;
    @Inject
    Fixtures fixtures;
    @Value("${wijkopmaat.push.test-transport-round-trip:0s}")
    Duration roundTrip;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username:root}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    /** All benchmark notifications point at this resource, so its jobs can be counted apart from others. */
    private final String resourceId = UUID.randomUUID().toString();

    @BeforeAll
    void fillTheOutbox() throws SQLException {
        // Jobs left due by an earlier run would be counted as throughput; send them now, untimed.
        dispatcher.drain();
        long started = System.nanoTime();
        String municipalityId = fixtures.municipality().id().toString();
        Timestamp now = Timestamp.from(Instant.now());
        // An hour back, so every job is due whatever the clocks of JVM and database say.
        Timestamp due = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement account = connection.prepareStatement("""
                    INSERT INTO account (id, display_name, municipality_id, locale, status, created_at, updated_at, version)
                    VALUES (?, ?, ?, 'nl', 'ACTIVE', ?, ?, 0)""");
                 PreparedStatement device = connection.prepareStatement("""
                         INSERT INTO device (id, account_id, token, token_hash, platform, locale, app_version, created_at, updated_at)
                         VALUES (?, ?, ?, ?, ?, 'nl', '1.4.0', ?, ?)""");
                 PreparedStatement notification = connection.prepareStatement("""
                         INSERT INTO notification (id, account_id, category, kind, message_key, message_args, resource_type,
                                                   resource_id, created_at)
                         VALUES (?, ?, 'SUPPORTED_INITIATIVES', 'INITIATIVE_APPROVED', 'notification.INITIATIVE_APPROVED',
                                 '{"title":"Moestuin in het park"}', 'INITIATIVE', ?, ?)""");
                 PreparedStatement job = connection.prepareStatement("""
                         INSERT INTO push_job (id, notification_id, device_id, status, attempts, not_before, created_at)
                         VALUES (?, ?, ?, 'PENDING', 0, ?, ?)""")) {
                for (int i = 0; i < MESSAGES; i++) {
                    String accountId = UUID.randomUUID().toString();
                    String deviceId = UUID.randomUUID().toString();
                    String notificationId = UUID.randomUUID().toString();
                    // About as long as a real FCM registration token (~160 characters).
                    String token = "fcm-" + UUID.randomUUID() + ":" + "x".repeat(120);

                    account.setString(1, accountId);
                    account.setString(2, "Bewoner " + i);
                    account.setString(3, municipalityId);
                    account.setTimestamp(4, now);
                    account.setTimestamp(5, now);
                    account.addBatch();

                    device.setString(1, deviceId);
                    device.setString(2, accountId);
                    device.setString(3, token);
                    device.setString(4, Hashing.sha256Hex(token));
                    device.setString(5, i % 2 == 0 ? "ANDROID" : "IOS");
                    device.setTimestamp(6, now);
                    device.setTimestamp(7, now);
                    device.addBatch();

                    notification.setString(1, notificationId);
                    notification.setString(2, accountId);
                    notification.setString(3, resourceId);
                    notification.setTimestamp(4, now);
                    notification.addBatch();

                    job.setString(1, UUID.randomUUID().toString());
                    job.setString(2, notificationId);
                    job.setString(3, deviceId);
                    job.setTimestamp(4, due);
                    job.setTimestamp(5, now);
                    job.addBatch();

                    if ((i + 1) % INSERT_CHUNK == 0 || i + 1 == MESSAGES) {
                        // Parents before children, for the foreign keys.
                        for (PreparedStatement statement : List.of(account, device, notification, job)) {
                            statement.executeBatch();
                        }
                        connection.commit();
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "PUSH BENCHMARK setup: %d accounts, devices, notifications and jobs in %.1f s%n",
                MESSAGES, seconds(System.nanoTime() - started));
    }

    @Test
    void dispatchesFiftyThousandPushesFastWithinTheHeap() throws SQLException, IOException {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

        long started = System.nanoTime();
        int handled = dispatcher.drain();
        double elapsedSeconds = seconds(System.nanoTime() - started);

        // The pools peak at different moments, so their sum is an upper bound of the heap in use.
        long peakHeapMb = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        double messagesPerSecond = handled / elapsedSeconds;
        String summary = String.format(Locale.ROOT,
                "PUSH BENCHMARK (FCM round trip %d ms): %d messages in %.1f s = %.0f messages/s, peak heap %d MB (limit %d MB)",
                roundTrip.toMillis(), handled, elapsedSeconds, messagesPerSecond, peakHeapMb, HEAP_LIMIT_MB);
        System.out.println(summary);
        Path report = Path.of("target", "push-benchmark-" + roundTrip.toMillis() + "ms.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary + System.lineSeparator());

        assertThat(handled).as("jobs dispatched").isEqualTo(MESSAGES);
        assertThat(sentJobs()).as("benchmark jobs SENT in the database").isEqualTo(MESSAGES);
        assertThat(messagesPerSecond).as("messages per second").isGreaterThanOrEqualTo(MIN_MESSAGES_PER_SECOND);
        assertThat(peakHeapMb).as("peak heap MB").isLessThan(HEAP_LIMIT_MB);
    }

    private long sentJobs() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement count = connection.prepareStatement("""
                     SELECT COUNT(*) FROM push_job j JOIN notification n ON n.id = j.notification_id
                     WHERE n.resource_id = ? AND j.status = 'SENT'""")) {
            count.setString(1, resourceId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Times in UTC as the application stores them; batched inserts sent as multi-row statements. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectionTimeZone", "UTC");
        properties.setProperty("forceConnectionTimeZoneToSession", "true");
        properties.setProperty("rewriteBatchedStatements", "true");
        return DriverManager.getConnection(url, properties);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
