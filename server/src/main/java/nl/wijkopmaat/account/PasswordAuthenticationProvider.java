package nl.wijkopmaat.account;

import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.RetryLaterException;
import nl.wijkopmaat.common.load.Admission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks email and password for Micronaut Security's login endpoint. The token subject is the
 * account id; roles stay out of the token because they are read fresh on every request.
 *
 * <p>The password check takes a few hundred milliseconds of CPU on purpose, so it runs with no
 * connection and no row lock held: a short read first, the check on {@link PasswordChecks}, then a
 * short transaction that records the outcome.
 */
@Singleton
class PasswordAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthenticationProvider.class);

    private final AccountRepository accounts;
    private final PasswordChecks passwordChecks;
    private final LoginThrottle throttle;

    PasswordAuthenticationProvider(AccountRepository accounts, PasswordChecks passwordChecks, LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwordChecks = passwordChecks;
        this.throttle = throttle;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> requestContext,
                                               AuthenticationRequest<String, String> authenticationRequest) {
        try {
            return check(requestContext, authenticationRequest);
        } catch (RetryLaterException e) {
            return SignInPostponed.unavailable(e);
        } catch (CannotGetJdbcConnectionException e) {
            return SignInPostponed.unavailable(RetryLaterException.unavailable(Duration.ofSeconds(1)));
        } catch (RuntimeException e) {
            // The security module turns any exception into a plain failed sign-in; say what really happened.
            LOG.error("Sign-in could not be checked", e);
            throw e;
        }
    }

    private AuthenticationResponse check(HttpRequest<?> request, AuthenticationRequest<String, String> authenticationRequest) {
        String email = AccountService.normalizeEmail(authenticationRequest.getIdentity());
        String password = authenticationRequest.getSecret();
        Optional<Duration> locked = throttle.lockFor(email);
        if (locked.isPresent()) {
            return SignInPostponed.locked(locked.get());
        }
        Optional<Account> account = accounts.findByEmail(email).filter(Account::active);
        // From here the request mostly waits for the CPU, and the password-check queue bounds that.
        Admission.leave(request);
        boolean matches;
        if (account.isPresent()) {
            matches = passwordChecks.matches(password, account.get().passwordHash());
        } else {
            passwordChecks.matchNothing(password);
            matches = false;
        }
        if (!matches) {
            LOG.info("Failed sign-in");
            return throttle.recordFailure(email).<AuthenticationResponse>map(SignInPostponed::locked)
                    .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
        }
        return throttle.recordSuccess(email).<AuthenticationResponse>map(SignInPostponed::locked)
                .orElseGet(() -> AuthenticationResponse.success(account.get().id().toString()));
    }
}
