package nl.wijkopmaat.notification;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import nl.wijkopmaat.notification.NotificationTexts.Texts;
import nl.wijkopmaat.notification.PushGateway.Message;
import nl.wijkopmaat.notification.PushJobRepository.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Empties the push outbox: claims due jobs in batches, sends them through the gateway, records the
 * outcome per job. Safe with several server instances: each claims with SKIP LOCKED under its own
 * name, and jobs of an instance that died are claimed again when their lease runs out.
 */
@Singleton
class PushDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PushDispatcher.class);
    private static final int MAX_CLAIM_ATTEMPTS = 3;

    private final PushOutbox outbox;
    private final PushGateway gateway;
    private final NotificationTexts texts;
    private final String instance = "dispatcher-" + UUID.randomUUID();

    PushDispatcher(PushOutbox outbox, PushGateway gateway, NotificationTexts texts) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.texts = texts;
    }

    @Scheduled(fixedDelay = "${wijkopmaat.push.poll-interval}", initialDelay = "${wijkopmaat.push.poll-interval}")
    void dispatchDue() {
        if (!gateway.enabled()) {
            return;
        }
        try {
            while (dispatchBatch() > 0) {
                // keep going while there is work; the next tick starts again when the outbox is empty
            }
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

    /** Claims, sends and records one batch; returns how many jobs it handled. */
    int dispatchBatch() {
        List<Outgoing> claimed = claim();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Outgoing> sendable = new ArrayList<>(claimed.size());
        for (Outgoing job : claimed) {
            if (job.token() == null) {
                outbox.deviceGone(instance, job);
            } else {
                sendable.add(job);
            }
        }
        if (!sendable.isEmpty()) {
            List<Message> messages = sendable.stream().map(this::message).toList();
            record(sendable, gateway.send(messages));
        }
        return claimed.size();
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
