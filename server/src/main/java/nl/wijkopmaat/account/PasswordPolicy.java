package nl.wijkopmaat.account;

import com.nulabinc.zxcvbn.StandardDictionaries;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.InvalidParam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (OWASP ASVS 4.0 level 2): 12 to 64 characters and at most 72 bytes
 * in UTF-8 (what bcrypt reads), no rules on what it is composed of, and not on the list of common
 * passwords that zxcvbn4j ships (30,000 passwords from leaked sets, compared without case).
 */
@Singleton
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 64;

    private final Set<String> common;

    PasswordPolicy() {
        try {
            List<String> passwords = StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
            Set<String> lowerCase = new HashSet<>();
            passwords.forEach(password -> lowerCase.add(password.toLowerCase(Locale.ROOT)));
            this.common = Set.copyOf(lowerCase);
        } catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords could not be read", e);
        }
    }

    /** The reason a password is refused, for the field {@code name}; empty when it is acceptable. */
    Optional<InvalidParam> check(String name, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of(new InvalidParam(name, "validation.password.length"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            return Optional.of(new InvalidParam(name, "validation.password.bytes"));
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(new InvalidParam(name, "validation.password.common"));
        }
        return Optional.empty();
    }

    /** For start-up settings: a refused password stops the start-up, naming the variable. */
    void require(String variable, String password) {
        check(variable, password).ifPresent(invalid -> {
            throw new IllegalStateException(variable + " is not an acceptable password: it must be " + MIN_LENGTH
                    + " to " + MAX_LENGTH + " characters (at most " + PasswordHasher.MAX_PASSWORD_BYTES
                    + " bytes) and not a common password");
        });
    }
}
