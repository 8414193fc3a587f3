package nl.wijkopmaat.account;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the sign-in tables to what still matters: live refresh tokens and running throttles. */
@Singleton
class SignInHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(SignInHousekeeping.class);

    private final RefreshTokenStore refreshTokens;
    private final LoginThrottle throttle;

    SignInHousekeeping(RefreshTokenStore refreshTokens, LoginThrottle throttle) {
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    @Transactional
    void clean() {
        int tokens = refreshTokens.deleteExpired();
        int throttles = throttle.deleteStale();
        if (tokens + throttles > 0) {
            LOG.info("Removed {} expired refresh tokens and {} stale sign-in throttles", tokens, throttles);
        }
    }
}
