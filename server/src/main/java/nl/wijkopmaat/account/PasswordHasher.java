package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt with a per-password salt. The cost is configurable so that tests need not pay for it.
 */
@Singleton
class PasswordHasher {

    /** bcrypt reads at most 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    private final String unusedHash;

    PasswordHasher(@Value("${wijkopmaat.security.bcrypt-strength}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.unusedHash = encoder.encode("no account has this password");
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the same time as a real check, so response times do not reveal which emails exist. */
    void matchNothing(String password) {
        encoder.matches(password, unusedHash);
    }
}
