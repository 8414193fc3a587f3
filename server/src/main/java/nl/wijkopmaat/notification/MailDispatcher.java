package nl.wijkopmaat.notification;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the mail outbox every {@code wijkopmaat.notices.mail-poll-interval}, a batch per transaction. */
@Singleton
class MailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 50;

    private final MailOutbox outbox;

    MailDispatcher(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(fixedDelay = "${wijkopmaat.notices.mail-poll-interval}", initialDelay = "${wijkopmaat.notices.mail-poll-interval}")
    void sendDue() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.error("Sending the mail outbox failed; the mails stay and are tried again", e);
        }
    }

    /** Sends everything in the outbox; returns how many mail jobs were done. */
    int drain() {
        int done = 0;
        int batch;
        do {
            batch = outbox.sendBatch(BATCH);
            done += batch;
        } while (batch == BATCH);
        return done;
    }
}
