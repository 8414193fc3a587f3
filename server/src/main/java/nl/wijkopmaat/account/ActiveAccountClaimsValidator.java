package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidator;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * An access token stops working the moment its account is erased, not when it expires.
 */
@Singleton
class ActiveAccountClaimsValidator implements JwtClaimsValidator<HttpRequest<?>> {

    private final AccountService accounts;

    ActiveAccountClaimsValidator(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        if (subject == null) {
            return false;
        }
        try {
            return accounts.isActive(UUID.fromString(subject.toString()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
