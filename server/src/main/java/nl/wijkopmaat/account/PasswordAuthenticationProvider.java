package nl.wijkopmaat.account;

import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.audit.AuditLog;
import nl.wijkopmaat.common.error.RetryLaterException;
import nl.wijkopmaat.common.load.Admission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
    private final AddressLimits addressLimits;
    private final AuditLog audit;

    PasswordAuthenticationProvider(AccountRepository accounts, PasswordChecks passwordChecks, LoginThrottle throttle,
                                   AddressLimits addressLimits, AuditLog audit) {
        this.accounts = accounts;
        this.passwordChecks = passwordChecks;
        this.throttle = throttle;
        this.addressLimits = addressLimits;
        this.audit = audit;
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
        Optional<Duration> addressLocked = addressLimits.signInLockFor(request);
        if (addressLocked.isPresent()) {
            audit.record("sign-in.refused-address-locked", null);
            return SignInPostponed.locked(addressLocked.get());
        }
        Optional<Account> account = accounts.findByEmail(email).filter(Account::active);
        Optional<UUID> accountId = account.map(Account::id);
        String subject = LoginThrottle.subject(accountId, email);
        Optional<Duration> locked = throttle.lockFor(subject);
        if (locked.isPresent()) {
            audit.record("sign-in.refused-locked", accountId.orElse(null));
            return SignInPostponed.locked(locked.get());
        }
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
            audit.record("sign-in.failed", accountId.orElse(null));
            addressLimits.recordSignInFailure(request);
            Optional<Duration> lockedNow = throttle.recordFailure(subject);
            if (lockedNow.isEmpty() && throttle.lockFor(subject).isPresent()) {
                audit.record("sign-in.lockout", accountId.orElse(null));
            }
            return lockedNow.<AuthenticationResponse>map(SignInPostponed::locked)
                    .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
        }
        Optional<Duration> lockedMeanwhile = throttle.recordSuccess(subject);
        if (lockedMeanwhile.isPresent()) {
            audit.record("sign-in.refused-locked", accountId.orElse(null));
            return SignInPostponed.locked(lockedMeanwhile.get());
        }
        audit.record("sign-in.succeeded", account.get().id());
        int sessionEpoch = accounts.findActiveSessionEpoch(account.get().id()).orElse(0);
        return AuthenticationResponse.success(account.get().id().toString(),
                Map.of(SessionClaimsGenerator.SESSION_EPOCH, sessionEpoch));
    }
}
