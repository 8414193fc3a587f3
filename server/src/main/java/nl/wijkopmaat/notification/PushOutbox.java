package nl.wijkopmaat.notification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import nl.wijkopmaat.common.Hashing;
import nl.wijkopmaat.notification.PushGateway.Rejected;
import nl.wijkopmaat.notification.PushGateway.Result;
import nl.wijkopmaat.notification.PushGateway.Retry;
import nl.wijkopmaat.notification.PushGateway.Sent;
import nl.wijkopmaat.notification.PushGateway.TokenGone;
import nl.wijkopmaat.notification.PushJobRepository.Outgoing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The database side of pushing: claiming due jobs under a lease and recording what became of
 * each. Every method is one short transaction; nothing is held open while FCM is called.
 */
@Singleton
class PushOutbox {

    private static final int MAX_REASON = 500;

    private final PushJobRepository jobs;
    private final DeviceRepository devices;
    private final PreferenceRepository preferences;
    private final JdbcOperations jdbc;
    private final PushSettings settings;
    private final Clock clock;

    PushOutbox(PushJobRepository jobs, DeviceRepository devices, PreferenceRepository preferences, JdbcOperations jdbc,
               PushSettings settings, Clock clock) {
        this.jobs = jobs;
        this.devices = devices;
        this.preferences = preferences;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Read committed: no gap locks, so dispatchers claiming side by side lock only the rows they take
     * and do not deadlock on each other's index ranges.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    List<Outgoing> claim(String instance) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>(jobs.lockExpiredLeases(now, settings.batchSize()));
        if (ids.size() < settings.batchSize()) {
            ids.addAll(jobs.lockDue(now, settings.batchSize() - ids.size()));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        jobs.claim(ids, instance, now.plus(settings.lease()));
        return jobs.outgoing(ids);
    }

    @Transactional
    void record(String instance, List<Outgoing> batch, List<Result> results) {
        Instant now = clock.instant();
        Map<String, QuietHours> quietHours = quietHoursOfRetries(batch, results);
        List<Object[]> sent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Outgoing job = batch.get(i);
            Result result = results.get(i);
            if (result instanceof Sent success) {
                sent.add(new Object[] {success.messageId(), Timestamp.from(now), job.jobId(), instance});
            } else if (result instanceof TokenGone gone) {
                devices.deleteByTokenHash(Hashing.sha256Hex(job.token()));
                jobs.markDead(job.jobId(), fit(gone.reason()), now, instance);
            } else if (result instanceof Rejected rejected) {
                jobs.markDead(job.jobId(), fit(rejected.reason()), now, instance);
            } else if (result instanceof Retry retry) {
                retry(instance, job, retry, now, quietHours);
            }
        }
        markSent(sent);
    }

    /** Quiet hours of the people whose pushes must be tried again: a retry waits for them too. */
    private Map<String, QuietHours> quietHoursOfRetries(List<Outgoing> batch, List<Result> results) {
        Set<UUID> people = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (results.get(i) instanceof Retry) {
                people.add(UUID.fromString(batch.get(i).accountId()));
            }
        }
        if (people.isEmpty()) {
            return Map.of();
        }
        return preferences.quietHours(people).stream().collect(Collectors.toMap(
                PreferenceRepository.StoredQuietHours::accountId, stored -> new QuietHours(stored.startsAt(), stored.endsAt())));
    }

    /**
     * Most of a batch is sent: one JDBC batch (rewritten by the driver into few statements) instead
     * of an UPDATE per job. Only the instance that holds the claim may finish a job.
     */
    private void markSent(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("""
                UPDATE push_job SET status = 'SENT', message_id = ?, finished_at = ?, lease_until = NULL
                WHERE id = ? AND claimed_by = ?""", statement -> {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    @Transactional
    int removeFinished() {
        return jobs.deleteFinishedBefore(clock.instant().minus(settings.retention()));
    }

    /** The device was removed after the job was queued. */
    @Transactional
    void deviceGone(String instance, Outgoing job) {
        jobs.markDead(job.jobId(), "device removed", clock.instant(), instance);
    }

    private void retry(String instance, Outgoing job, Retry retry, Instant now, Map<String, QuietHours> quietHours) {
        if (job.attempts() >= settings.maxAttempts()) {
            jobs.markDead(job.jobId(), fit("gave up after " + job.attempts() + " attempts: " + retry.reason()), now, instance);
            return;
        }
        Duration wait = backoff(job.attempts());
        if (retry.retryAfter() != null && retry.retryAfter().compareTo(wait) > 0) {
            wait = retry.retryAfter();
        }
        Instant retryAt = quietHours.getOrDefault(job.accountId(), QuietHours.DEFAULT).deliverFrom(now.plus(wait));
        jobs.retryLater(job.jobId(), retryAt, fit(retry.reason()), instance);
    }

    /** Reasons are stored in a column of 500 characters; FCM may answer with a whole HTML page. */
    private static String fit(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    /** Exponential, capped, with jitter so that many retries do not return at the same moment. */
    Duration backoff(int attempt) {
        long base = settings.firstRetry().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.maxRetry().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
