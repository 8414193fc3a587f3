package nl.wijkopmaat.account;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes accounts whose address was never verified, once their retention (7 days) is over. */
@Singleton
class UnverifiedAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(UnverifiedAccounts.class);
    private static final int BATCH = 100;

    private final AccountService accounts;

    UnverifiedAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void remove() {
        int removed;
        int total = 0;
        do {
            removed = accounts.eraseUnverified(BATCH);
            total += removed;
        } while (removed == BATCH);
        if (total > 0) {
            LOG.info("Removed {} accounts whose address was not verified in time", total);
        }
    }
}
