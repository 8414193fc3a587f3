package nl.wijkopmaat.account;

import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;

import java.time.Duration;

/** A sign-in refused because the email is locked after too many failures. */
class LoginLocked extends AuthenticationFailed {

    private final Duration retryAfter;

    LoginLocked(Duration retryAfter) {
        super(AuthenticationFailureReason.ACCOUNT_LOCKED);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
