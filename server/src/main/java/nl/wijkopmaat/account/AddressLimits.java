package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.error.TooManyRequestsException;
import nl.wijkopmaat.common.web.ClientAddress;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits per client address: failed sign-ins (over all accounts), registrations and password reset
 * requests. An operator can raise them or switch them off for load tests
 * ({@code WIJKOPMAAT_SECURITY_ADDRESS_LIMITS_ENABLED}).
 */
@Singleton
class AddressLimits {

    private final boolean enabled;
    private final ClientAddress clientAddress;
    private final Throttle signInFailures;
    private final Throttle registrations;
    private final Throttle passwordResets;

    AddressLimits(LoginThrottleRepository repository, Clock clock, ClientAddress clientAddress,
                  @Value("${wijkopmaat.security.address-limits.enabled:true}") boolean enabled,
                  @Value("${wijkopmaat.security.address-limits.window}") Duration window,
                  @Value("${wijkopmaat.security.address-limits.lock}") Duration lock,
                  @Value("${wijkopmaat.security.address-limits.sign-in-failures}") int maxSignInFailures,
                  @Value("${wijkopmaat.security.address-limits.registrations}") int maxRegistrations,
                  @Value("${wijkopmaat.security.address-limits.password-resets}") int maxPasswordResets) {
        this.enabled = enabled;
        this.clientAddress = clientAddress;
        this.signInFailures = new Throttle(repository, clock, "address-sign-in", maxSignInFailures, window, lock);
        this.registrations = new Throttle(repository, clock, "address-registration", maxRegistrations, window, lock);
        this.passwordResets = new Throttle(repository, clock, "address-reset", maxPasswordResets, window, lock);
    }

    /** How long sign-ins from the request's address are still refused. */
    Optional<Duration> signInLockFor(HttpRequest<?> request) {
        return enabled ? signInFailures.lockFor(clientAddress.of(request)) : Optional.empty();
    }

    @Transactional
    void recordSignInFailure(HttpRequest<?> request) {
        if (enabled) {
            signInFailures.record(clientAddress.of(request));
        }
    }

    /** Counts a registration from the current request's address; beyond the limit a 429. */
    @Transactional
    void countRegistration() {
        count(registrations);
    }

    @Transactional
    void countPasswordReset() {
        count(passwordResets);
    }

    private void count(Throttle throttle) {
        if (!enabled) {
            return;
        }
        ServerRequestContext.currentRequest().ifPresent(request -> {
            String address = clientAddress.of(request);
            Optional<Duration> locked = throttle.lockFor(address).or(() -> throttle.record(address));
            locked.ifPresent(duration -> {
                throw new TooManyRequestsException("problem.address.limited", duration);
            });
        });
    }
}
