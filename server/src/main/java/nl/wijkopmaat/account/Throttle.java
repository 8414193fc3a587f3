package nl.wijkopmaat.account;

import nl.wijkopmaat.common.Hashing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts events for one key (a failed sign-in for an account, a registration from an address)
 * within a window; when there were too many, the key is locked for a while. Keys are stored as
 * SHA-256 hashes, prefixed by what they count so that limits never share a row. Runs in the
 * caller's transaction.
 */
final class Throttle {

    private final LoginThrottleRepository repository;
    private final Clock clock;
    private final String kind;
    private final int maxEvents;
    private final Duration window;
    private final Duration lock;

    Throttle(LoginThrottleRepository repository, Clock clock, String kind, int maxEvents, Duration window,
             Duration lock) {
        this.repository = repository;
        this.clock = clock;
        this.kind = kind;
        this.maxEvents = maxEvents;
        this.window = window;
        this.lock = lock;
    }

    /** How long the key is still locked, read without locking anything. */
    Optional<Duration> lockFor(String key) {
        Instant now = clock.instant();
        return repository.find(hash(key)).flatMap(state -> remaining(state, now));
    }

    /**
     * Counts an event with the key's row locked for the moment it takes (created by the unique key
     * first, never locked while missing). An event while the key is already locked is not counted
     * and answers how long the lock still lasts; the event that reaches the limit locks the key and
     * answers empty, as it was itself still allowed.
     */
    Optional<Duration> record(String key) {
        Instant now = clock.instant();
        String hash = hash(key);
        repository.ensureExists(hash, now);
        LoginThrottleState state = repository.findForUpdate(hash).orElseThrow();
        Optional<Duration> locked = remaining(state, now);
        if (locked.isPresent()) {
            return locked;
        }
        boolean windowOver = state.windowStart().plus(window).isBefore(now);
        int events = windowOver ? 1 : state.failures() + 1;
        Instant windowStart = windowOver ? now : state.windowStart();
        if (events >= maxEvents) {
            repository.save(hash, 0, now, now.plus(lock));
        } else {
            repository.save(hash, events, windowStart, null);
        }
        return Optional.empty();
    }

    /** Clears the count unless the key is locked: then the lock holds. */
    Optional<Duration> clear(String key) {
        Instant now = clock.instant();
        String hash = hash(key);
        repository.clearUnlessLocked(hash, now);
        return repository.find(hash).flatMap(state -> remaining(state, now));
    }

    void forget(String key) {
        repository.clear(hash(key));
    }

    private static Optional<Duration> remaining(LoginThrottleState state, Instant now) {
        return Optional.ofNullable(state.lockedUntil())
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    private String hash(String key) {
        return Hashing.sha256Hex(kind + ":" + key);
    }
}
