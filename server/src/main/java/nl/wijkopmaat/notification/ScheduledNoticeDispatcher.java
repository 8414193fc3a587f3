package nl.wijkopmaat.notification;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Releases due scheduled notices into the inbox and the push outbox, batch after batch. */
@Singleton
class ScheduledNoticeDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledNoticeDispatcher.class);

    private final ScheduledNotices notices;
    private final int batchSize;

    ScheduledNoticeDispatcher(ScheduledNotices notices, @Value("${wijkopmaat.notices.batch-size}") int batchSize) {
        this.notices = notices;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelay = "${wijkopmaat.notices.poll-interval}", initialDelay = "${wijkopmaat.notices.poll-interval}")
    void releaseDue() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.error("Releasing scheduled notices failed; they stay scheduled and are tried again", e);
        }
    }

    /** Releases everything that is due; returns how many notices became inbox items. */
    int drain() {
        int released = 0;
        int batch;
        do {
            batch = notices.releaseDue(batchSize);
            released += batch;
        } while (batch == batchSize);
        return released;
    }
}
