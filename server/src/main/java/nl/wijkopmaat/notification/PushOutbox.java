package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.Hashing;
import nl.wijkopmaat.notification.PushGateway.Rejected;
import nl.wijkopmaat.notification.PushGateway.Result;
import nl.wijkopmaat.notification.PushGateway.Retry;
import nl.wijkopmaat.notification.PushGateway.Sent;
import nl.wijkopmaat.notification.PushGateway.TokenGone;
import nl.wijkopmaat.notification.PushJobRepository.Outgoing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database side of pushing: claiming due jobs under a lease and recording what became of
 * each. Every method is one short transaction; nothing is held open while FCM is called.
 */
@Singleton
class PushOutbox {

    private final PushJobRepository jobs;
    private final DeviceRepository devices;
    private final PushSettings settings;
    private final Clock clock;

    PushOutbox(PushJobRepository jobs, DeviceRepository devices, PushSettings settings, Clock clock) {
        this.jobs = jobs;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    List<Outgoing> claim(String instance) {
        Instant now = clock.instant();
        List<String> ids = jobs.lockDue(now, settings.batchSize());
        if (ids.isEmpty()) {
            return List.of();
        }
        jobs.claim(ids, instance, now.plus(settings.lease()));
        return jobs.outgoing(ids);
    }

    @Transactional
    void record(String instance, List<Outgoing> batch, List<Result> results) {
        Instant now = clock.instant();
        for (int i = 0; i < batch.size(); i++) {
            Outgoing job = batch.get(i);
            Result result = results.get(i);
            if (result instanceof Sent sent) {
                jobs.markSent(job.jobId(), sent.messageId(), now, instance);
            } else if (result instanceof TokenGone gone) {
                devices.deleteByTokenHash(Hashing.sha256Hex(job.token()));
                jobs.markDead(job.jobId(), gone.reason(), now, instance);
            } else if (result instanceof Rejected rejected) {
                jobs.markDead(job.jobId(), rejected.reason(), now, instance);
            } else if (result instanceof Retry retry) {
                retry(instance, job, retry, now);
            }
        }
    }

    /** The device was removed after the job was queued. */
    @Transactional
    void deviceGone(String instance, Outgoing job) {
        jobs.markDead(job.jobId(), "device removed", clock.instant(), instance);
    }

    private void retry(String instance, Outgoing job, Retry retry, Instant now) {
        int attempt = job.attempts() + 1;
        if (attempt >= settings.maxAttempts()) {
            jobs.markDead(job.jobId(), "gave up after " + attempt + " attempts: " + retry.reason(), now, instance);
            return;
        }
        Duration wait = backoff(attempt);
        if (retry.retryAfter() != null && retry.retryAfter().compareTo(wait) > 0) {
            wait = retry.retryAfter();
        }
        jobs.retryLater(job.jobId(), now.plus(wait), retry.reason(), instance);
    }

    /** Exponential, capped, with jitter so that many retries do not return at the same moment. */
    Duration backoff(int attempt) {
        long base = settings.firstRetry().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.maxRetry().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
