package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the sign-in tables to what still matters: live refresh tokens, unexpired mailed tokens and
 * running throttles.
 */
@Singleton
class SignInHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(SignInHousekeeping.class);

    private final RefreshTokenStore refreshTokens;
    private final AccountTokens accountTokens;
    private final LoginThrottleRepository throttles;
    private final Clock clock;
    private final Duration longestWindow;

    SignInHousekeeping(RefreshTokenStore refreshTokens, AccountTokens accountTokens, LoginThrottleRepository throttles,
                       Clock clock,
                       @Value("${wijkopmaat.security.login-throttle.window}") Duration signInWindow,
                       @Value("${wijkopmaat.security.address-limits.window}") Duration addressWindow) {
        this.refreshTokens = refreshTokens;
        this.accountTokens = accountTokens;
        this.throttles = throttles;
        this.clock = clock;
        this.longestWindow = signInWindow.compareTo(addressWindow) > 0 ? signInWindow : addressWindow;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    @Transactional
    void clean() {
        Instant now = clock.instant();
        int tokens = refreshTokens.deleteExpired();
        int mailed = accountTokens.deleteExpired();
        int stale = throttles.deleteStale(now.minus(longestWindow), now);
        if (tokens + mailed + stale > 0) {
            LOG.info("Removed {} expired refresh tokens, {} expired mailed tokens and {} stale throttles",
                    tokens, mailed, stale);
        }
    }
}
