package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.function.Supplier;

/**
 * bcrypt with a per-password salt. The cost is configurable so that tests need not pay for it.
 * Requests reach it through {@link PasswordChecks}, which bounds how many checks run and wait.
 */
@Singleton
class PasswordHasher {

    /** bcrypt reads at most 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    /** Made when first needed (PasswordChecks warms it up in the background), not at start-up. */
    private final Supplier<String> unusedHash;

    PasswordHasher(@Value("${wijkopmaat.security.bcrypt-strength}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.unusedHash = SupplierUtil.memoized(() -> encoder.encode("no account has this password"));
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the same time as a real check, so response times do not reveal which emails exist. */
    void matchNothing(String password) {
        encoder.matches(password, unusedHash.get());
    }
}
