package nl.wijkopmaat.account;

import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import nl.wijkopmaat.common.error.RetryLaterException;
import nl.wijkopmaat.common.error.TooManyRequestsException;

import java.time.Duration;

/**
 * A sign-in refused for now, with the problem to answer: the email is locked after too many
 * failures (429), or the server has no capacity to check the password (503).
 */
class SignInPostponed extends AuthenticationFailed {

    private final RetryLaterException problem;

    private SignInPostponed(AuthenticationFailureReason reason, RetryLaterException problem) {
        super(reason);
        this.problem = problem;
    }

    static SignInPostponed locked(Duration retryAfter) {
        return new SignInPostponed(AuthenticationFailureReason.ACCOUNT_LOCKED,
                new TooManyRequestsException("problem.login.locked", retryAfter));
    }

    static SignInPostponed unavailable(RetryLaterException problem) {
        return new SignInPostponed(AuthenticationFailureReason.UNKNOWN, problem);
    }

    RetryLaterException problem() {
        return problem;
    }
}
