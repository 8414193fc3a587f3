package nl.wijkopmaat.notification;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import nl.wijkopmaat.notification.NotificationTexts.Texts;
import nl.wijkopmaat.notification.PushGateway.Message;
import nl.wijkopmaat.notification.PushJobRepository.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLTransactionRollbackException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Empties the push outbox: claims due jobs in batches, sends them through the gateway, records the
 * outcome per job. Safe with several server instances: each claims with SKIP LOCKED under its own
 * name, and jobs of an instance that died are claimed again when their lease runs out.
 *
 * <p>While batches are on their way to FCM, the next one is claimed and the oldest recorded, so the
 * round trips to Google hide behind the database work and each other instead of adding up.
 */
@Singleton
class PushDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PushDispatcher.class);
    private static final int MAX_CLAIM_ATTEMPTS = 3;

    private final PushOutbox outbox;
    private final PushGateway gateway;
    private final NotificationTexts texts;
    private final ExecutorService sender;
    private final int batchesInFlight;
    private final String instance = "dispatcher-" + UUID.randomUUID();

    PushDispatcher(PushOutbox outbox, PushGateway gateway, NotificationTexts texts, PushSettings settings,
                   @Named(TaskExecutors.IO) ExecutorService sender) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.texts = texts;
        this.sender = sender;
        this.batchesInFlight = Math.max(1, settings.batchesInFlight());
    }

    @Scheduled(fixedDelay = "${wijkopmaat.push.poll-interval}", initialDelay = "${wijkopmaat.push.poll-interval}")
    void dispatchDue() {
        if (!gateway.enabled()) {
            return;
        }
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.error("Push dispatch failed; the claimed jobs are retried when their lease ends", e);
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "15m")
    void removeFinished() {
        int removed = outbox.removeFinished();
        if (removed > 0) {
            LOG.info("Removed {} finished push jobs", removed);
        }
    }

    /**
     * Sends everything that is due, with up to {@code batchesInFlight} batches on their way while the
     * next is claimed; returns how many jobs it handled. A batch whose sending failed as a whole stays
     * claimed and is sent again when its lease ends.
     */
    int drain() {
        int handled = 0;
        Deque<InFlight> inFlight = new ArrayDeque<>();
        while (true) {
            InFlight next;
            try {
                next = claimAndSend();
            } catch (RuntimeException claimFailed) {
                inFlight.forEach(this::finish);
                throw claimFailed;
            }
            if (next.claimed() == 0) {
                break;
            }
            inFlight.add(next);
            if (inFlight.size() >= batchesInFlight) {
                handled += finish(inFlight.remove());
            }
        }
        while (!inFlight.isEmpty()) {
            handled += finish(inFlight.remove());
        }
        return handled;
    }

    /** Claims, sends and records one batch, one step after the other; returns how many jobs it handled. */
    int dispatchBatch() {
        return finish(claimAndSend());
    }

    /** A claimed batch: the jobs that are being sent, and the outcome of sending them, once known. */
    private record InFlight(int claimed, List<Outgoing> sending, CompletableFuture<List<PushGateway.Result>> results) {
    }

    private InFlight claimAndSend() {
        List<Outgoing> claimed = claim();
        List<Outgoing> sendable = new ArrayList<>(claimed.size());
        for (Outgoing job : claimed) {
            if (job.token() == null) {
                outbox.deviceGone(instance, job);
            } else {
                sendable.add(job);
            }
        }
        if (sendable.isEmpty()) {
            return new InFlight(claimed.size(), sendable, CompletableFuture.completedFuture(List.of()));
        }
        List<Message> messages = sendable.stream().map(this::message).toList();
        return new InFlight(claimed.size(), sendable, CompletableFuture.supplyAsync(() -> gateway.send(messages), sender));
    }

    /** Waits for the batch to be sent and records the outcome; returns how many jobs it held. */
    private int finish(InFlight batch) {
        if (batch.sending().isEmpty()) {
            return batch.claimed();
        }
        List<PushGateway.Result> results;
        try {
            results = batch.results().join();
        } catch (RuntimeException sendFailed) {
            LOG.error("Sending a batch of {} pushes failed; they are sent again when their lease ends",
                    batch.sending().size(), sendFailed);
            return batch.claimed();
        }
        record(batch.sending(), results);
        return batch.claimed();
    }

    /** In the language of the device, which may differ from the one the person reads the inbox in. */
    private Message message(Outgoing job) {
        Texts rendered = texts.render(job.messageKey(), job.messageArgs(), job.title(), job.body(),
                Locale.forLanguageTag(job.locale()));
        return new Message(job.token(), rendered.title(), rendered.body(), job.notificationId(), job.kind(),
                job.resourceType(), job.resourceId());
    }

    /** A claim that collides with another dispatcher's in the database is simply tried again. */
    private List<Outgoing> claim() {
        for (int attempt = 1; ; attempt++) {
            try {
                return outbox.claim(instance);
            } catch (DataAccessException e) {
                if (attempt >= MAX_CLAIM_ATTEMPTS || !lockConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean lockConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records a batch in one transaction; should that fail, records job by job, so that one bad row
     * cannot send the whole batch a second time when its lease ends.
     */
    private void record(List<Outgoing> batch, List<PushGateway.Result> results) {
        try {
            outbox.record(instance, batch, results);
        } catch (RuntimeException batchFailed) {
            LOG.warn("Recording a push batch failed; recording its jobs one by one", batchFailed);
            for (int i = 0; i < batch.size(); i++) {
                try {
                    outbox.record(instance, List.of(batch.get(i)), List.of(results.get(i)));
                } catch (RuntimeException jobFailed) {
                    LOG.error("Could not record the outcome of push job {}", batch.get(i).jobId(), jobFailed);
                }
            }
        }
    }
}
