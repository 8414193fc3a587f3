package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
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
     * How long the email is still locked, read without locking anything, so that a locked email is
     * turned away before its password is checked.
     */
    Optional<Duration> lockFor(String email) {
        Instant now = clock.instant();
        return repository.find(key(email)).flatMap(state -> remaining(state, now));
    }

    /**
     * Counts a failed sign-in, with the email's row locked for the moment it takes, so that concurrent
     * failures are counted one by one. A failure that comes in while the email is already locked (by
     * failures checked at the same time) is not counted and answers how long the lock still lasts.
     */
    @Transactional
    Optional<Duration> recordFailure(String email) {
        Instant now = clock.instant();
        String key = key(email);
        repository.ensureExists(key, now);
        LoginThrottleState state = repository.findForUpdate(key).orElseThrow();
        Optional<Duration> locked = remaining(state, now);
        if (locked.isPresent()) {
            return locked;
        }
        boolean windowOver = state.windowStart().plus(window).isBefore(now);
        int failures = windowOver ? 1 : state.failures() + 1;
        Instant windowStart = windowOver ? now : state.windowStart();
        if (failures >= maxFailures) {
            repository.save(key, 0, now, now.plus(lock));
        } else {
            repository.save(key, failures, windowStart, null);
        }
        return Optional.empty();
    }

    /**
     * A correct password clears the count, unless the email was locked while the password was being
     * checked: then the lock holds, whatever password came with it.
     */
    @Transactional
    Optional<Duration> recordSuccess(String email) {
        Instant now = clock.instant();
        String key = key(email);
        repository.clearUnlessLocked(key, now);
        return repository.find(key).flatMap(state -> remaining(state, now));
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

    private static Optional<Duration> remaining(LoginThrottleState state, Instant now) {
        return Optional.ofNullable(state.lockedUntil())
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    private static String key(String email) {
        return Hashing.sha256Hex(email);
    }
}
