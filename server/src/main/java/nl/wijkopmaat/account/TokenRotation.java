package nl.wijkopmaat.account;

import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.validator.RefreshTokenValidator;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Exchanges a refresh token for a new access token and a new refresh token of the same family:
 * Micronaut Security checks the signature, the store consumes the token, Micronaut Security issues
 * the successors (and the store saves the new refresh token). All in one transaction, so the
 * consumed token stays locked until its successor is saved: a concurrent reuse of it waits, then
 * finds it used and revokes the family, successor included.
 *
 * <p>Read committed: the lock on the consumed token is then a lock of that row alone, not also of
 * the gap before it in the hash index. Under repeatable read a concurrent reuse waiting for it
 * blocked the successor's insert whenever the successor's hash fell into that gap, and one of the
 * two was rolled back as a deadlock. The revocation still sees the successor: it runs after this
 * transaction committed.
 */
@Singleton
class TokenRotation {

    private final RefreshTokenValidator refreshTokenValidator;
    private final RefreshTokenStore refreshTokens;
    private final AccessRefreshTokenGenerator generator;

    TokenRotation(RefreshTokenValidator refreshTokenValidator, RefreshTokenStore refreshTokens,
                  AccessRefreshTokenGenerator generator) {
        this.refreshTokenValidator = refreshTokenValidator;
        this.refreshTokens = refreshTokens;
        this.generator = generator;
    }

    /** Empty when the token is not one of ours, expired, revoked or already used. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    Optional<TokenResponse> rotate(String refreshToken) {
        return refreshTokenValidator.validate(refreshToken)
                .flatMap(refreshTokens::consume)
                .map(authentication -> TokenResponse.of(authentication, generator.generate(authentication)
                        .orElseThrow(() -> new IllegalStateException("Micronaut Security issued no tokens"))));
    }
}
