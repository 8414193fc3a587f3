package nl.wijkopmaat.challenge;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Moves accepted proposals to execution on the start date of their agreement. Each proposal is
 * moved in a transaction of its own under its row lock, so several server instances running this at
 * once take each step once.
 */
@Singleton
class ExecutionStart {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionStart.class);
    private static final int BATCH = 100;

    private final ChallengeService challenges;

    ExecutionStart(ChallengeService challenges) {
        this.challenges = challenges;
    }

    @Scheduled(fixedDelay = "${wijkopmaat.challenges.poll-interval}", initialDelay = "${wijkopmaat.challenges.poll-interval}")
    void startDue() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Starting the execution of agreed proposals failed; it is tried again", e);
        }
    }

    /** Starts every proposal that is due; returns how many this run started. */
    int run() {
        int started = 0;
        List<UUID> due;
        do {
            due = challenges.dueForExecution(BATCH);
            for (UUID id : due) {
                if (challenges.startExecutionIfDue(id)) {
                    started++;
                }
            }
        } while (due.size() == BATCH);
        return started;
    }
}
