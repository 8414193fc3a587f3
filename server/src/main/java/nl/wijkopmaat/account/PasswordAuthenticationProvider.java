package nl.wijkopmaat.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks email and password for Micronaut Security's login endpoint. The token subject is the
 * account id; roles stay out of the token because they are read fresh on every request.
 */
@Singleton
class PasswordAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthenticationProvider.class);

    private final AccountRepository accounts;
    private final PasswordHasher passwordHasher;
    private final LoginThrottle throttle;

    PasswordAuthenticationProvider(AccountRepository accounts, PasswordHasher passwordHasher, LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwordHasher = passwordHasher;
        this.throttle = throttle;
    }

    @Override
    @Transactional
    public AuthenticationResponse authenticate(HttpRequest<B> requestContext,
                                               AuthenticationRequest<String, String> authenticationRequest) {
        try {
            return check(authenticationRequest);
        } catch (RuntimeException e) {
            // The security module turns any exception into a plain failed sign-in; say what really happened.
            LOG.error("Sign-in could not be checked", e);
            throw e;
        }
    }

    private AuthenticationResponse check(AuthenticationRequest<String, String> authenticationRequest) {
        String email = AccountService.normalizeEmail(authenticationRequest.getIdentity());
        String password = authenticationRequest.getSecret();
        Optional<Duration> locked = throttle.lockFor(email);
        if (locked.isPresent()) {
            return new LoginLocked(locked.get());
        }
        Optional<Account> account = accounts.findByEmail(email).filter(Account::active);
        if (account.isEmpty()) {
            passwordHasher.matchNothing(password);
        }
        if (account.isEmpty() || !passwordHasher.matches(password, account.get().passwordHash())) {
            throttle.recordFailure(email);
            LOG.info("Failed sign-in");
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.forget(email);
        return AuthenticationResponse.success(account.get().id().toString());
    }
}
