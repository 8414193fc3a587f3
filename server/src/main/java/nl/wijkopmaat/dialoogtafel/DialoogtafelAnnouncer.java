package nl.wijkopmaat.dialoogtafel;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Tells residents of new tables in their wijk, in the background: the organiser's request only
 * records that a table is to be announced, and this job notifies the residents who asked for it, a
 * batch per transaction. Several server instances share the work: each claims another announcement.
 */
@Singleton
class DialoogtafelAnnouncer {

    private final DialoogtafelService dialoogtafels;

    DialoogtafelAnnouncer(DialoogtafelService dialoogtafels) {
        this.dialoogtafels = dialoogtafels;
    }

    @Scheduled(fixedDelay = "${wijkopmaat.dialoogtafels.announce-interval}",
            initialDelay = "${wijkopmaat.dialoogtafels.announce-interval}")
    void run() {
        drain();
    }

    /** Works until no announcement is left; returns the number of batches done. */
    int drain() {
        int batches = 0;
        while (dialoogtafels.announceNextBatch()) {
            batches++;
        }
        return batches;
    }
}
