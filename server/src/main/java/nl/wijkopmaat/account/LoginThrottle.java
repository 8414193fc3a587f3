package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Slows password guessing: after too many failed sign-ins for one account within the window, that
 * account is locked for a while, whatever password or spelling of its email comes next. Failures
 * are counted per account, found the way sign-in finds it; for an email without an account, per
 * its canonical spelling (without case, accents, width or invisible characters), so that look-alike
 * spellings share one count there too.
 */
@Singleton
class LoginThrottle {

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{M}\\p{Cf}\\p{Z}\\s]");

    private final Throttle throttle;

    LoginThrottle(LoginThrottleRepository repository, Clock clock,
                  @Value("${wijkopmaat.security.login-throttle.max-failures}") int maxFailures,
                  @Value("${wijkopmaat.security.login-throttle.window}") Duration window,
                  @Value("${wijkopmaat.security.login-throttle.lock}") Duration lock) {
        this.throttle = new Throttle(repository, clock, "sign-in", maxFailures, window, lock);
    }

    /** What failures of a sign-in are counted against: its account, or the email's canonical spelling. */
    static String subject(Optional<UUID> accountId, String email) {
        return accountId.map(id -> "account:" + id).orElseGet(() -> "email:" + canonical(email));
    }

    static String canonical(String email) {
        return INVISIBLE.matcher(Normalizer.normalize(email, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    Optional<Duration> lockFor(String subject) {
        return throttle.lockFor(subject);
    }

    @Transactional
    Optional<Duration> recordFailure(String subject) {
        return throttle.record(subject);
    }

    /**
     * A correct password clears the count, unless the account was locked while the password was
     * being checked: then the lock holds, whatever password came with it.
     */
    @Transactional
    Optional<Duration> recordSuccess(String subject) {
        return throttle.clear(subject);
    }

    /** When the account is erased. */
    @Transactional
    void forget(UUID accountId) {
        throttle.forget(subject(Optional.of(accountId), ""));
    }
}
