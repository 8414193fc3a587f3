package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.Hashing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows password guessing: after too many failed sign-ins for one email within the window, that
 * email is locked for a while, whatever password comes next. Keyed by a hash of the email.
 */
@Singleton
class LoginThrottle {

    private final LoginThrottleRepository repository;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lock;

    LoginThrottle(LoginThrottleRepository repository, Clock clock,
                  @Value("${wijkopmaat.security.login-throttle.max-failures}") int maxFailures,
                  @Value("${wijkopmaat.security.login-throttle.window}") Duration window,
                  @Value("${wijkopmaat.security.login-throttle.lock}") Duration lock) {
        this.repository = repository;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lock = lock;
    }

    /**
     * Locks the email's row for the caller's transaction, so concurrent attempts are counted one by
     * one, and tells how long the email is still locked.
     */
    Optional<Duration> lockFor(String email) {
        Instant now = clock.instant();
        String key = key(email);
        repository.ensureExists(key, now);
        return repository.findForUpdate(key)
                .map(LoginThrottleState::lockedUntil)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    void recordFailure(String email) {
        Instant now = clock.instant();
        String key = key(email);
        LoginThrottleState state = repository.findForUpdate(key).orElseThrow();
        boolean windowOver = state.windowStart().plus(window).isBefore(now);
        int failures = windowOver ? 1 : state.failures() + 1;
        Instant windowStart = windowOver ? now : state.windowStart();
        if (failures >= maxFailures) {
            repository.save(key, 0, now, now.plus(lock));
        } else {
            repository.save(key, failures, windowStart, null);
        }
    }

    /** After a successful sign-in, and when the account is erased. */
    void forget(String email) {
        repository.clear(key(email));
    }

    /** Rows whose window has passed and whose lock has ended say nothing any more. */
    int deleteStale() {
        Instant now = clock.instant();
        return repository.deleteStale(now.minus(window), now);
    }

    private static String key(String email) {
        return Hashing.sha256Hex(email);
    }
}
