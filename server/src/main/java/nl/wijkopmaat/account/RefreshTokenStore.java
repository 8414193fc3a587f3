package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.event.RefreshTokenGeneratedEvent;
import io.micronaut.security.token.refresh.RefreshTokenPersistence;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.Hashing;
import nl.wijkopmaat.common.error.ApiException;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Micronaut Security's refresh token persistence, with rotation and reuse detection. Each refresh
 * consumes its token; presenting a consumed token again revokes the whole family.
 */
@Singleton
class RefreshTokenStore implements RefreshTokenPersistence {

    /** Carries the family from a consumed token to its successor; never written into access tokens. */
    static final String FAMILY_ATTRIBUTE = "refreshTokenFamily";

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenStore.class);

    private final RefreshTokenRepository tokens;
    private final AccountRepository accounts;
    private final Clock clock;
    private final Duration lifetime;

    RefreshTokenStore(RefreshTokenRepository tokens, AccountRepository accounts, Clock clock,
                      @Value("${wijkopmaat.security.refresh-token-lifetime}") Duration lifetime) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Saves a new token without locking anything first: a sign-in starts a family nobody else knows
     * yet, and a successor is saved in the transaction that consumed its predecessor
     * ({@link TokenRotation}), whose row lock makes a concurrent reuse of the predecessor wait and
     * then revoke the successor with the rest of the family.
     */
    @Override
    @Transactional
    public void persistToken(RefreshTokenGeneratedEvent event) {
        Authentication authentication = event.getAuthentication();
        UUID family = Optional.ofNullable(authentication.getAttributes().get(FAMILY_ATTRIBUTE))
                .map(value -> UUID.fromString(value.toString()))
                .orElseGet(UUID::randomUUID);
        Instant now = clock.instant();
        tokens.save(new RefreshToken(UUID.randomUUID(), UUID.fromString(authentication.getName()), family,
                hash(event.getRefreshToken()), now, now.plus(lifetime), null, null));
    }

    @Override
    public Publisher<Authentication> getAuthentication(String refreshToken) {
        return consume(refreshToken)
                .map(Publishers::just)
                .orElseGet(() -> Publishers.fromCompletableFuture(
                        CompletableFuture.failedFuture(ApiException.unauthorized("problem.refresh.invalid"))));
    }

    /**
     * Consumes a token. Commits in every case: a detected reuse must stay revoked even though the
     * request fails.
     */
    @Transactional
    Optional<Authentication> consume(String refreshToken) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = tokens.findForUpdate(hash(refreshToken));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken token = found.get();
        if (token.rotatedAt() != null && token.revokedAt() == null) {
            int revoked = tokens.revokeFamily(token.familyId().toString(), now);
            LOG.warn("Rotated refresh token presented again for account {}: revoked {} tokens of its family",
                    token.accountId(), revoked);
            return Optional.empty();
        }
        Optional<Integer> sessionEpoch = accounts.findActiveSessionEpoch(token.accountId());
        if (token.revokedAt() != null || token.rotatedAt() != null || !token.expiresAt().isAfter(now)
                || sessionEpoch.isEmpty()) {
            return Optional.empty();
        }
        tokens.markRotated(token.id().toString(), now);
        return Optional.of(Authentication.build(token.accountId().toString(),
                Map.of(FAMILY_ATTRIBUTE, token.familyId().toString(),
                        SessionClaimsGenerator.SESSION_EPOCH, sessionEpoch.get())));
    }

    /** Sign-out: the token and every token of its family stop working. */
    @Transactional
    void revokeFamilyOf(String refreshToken) {
        tokens.findByTokenHash(hash(refreshToken))
                .ifPresent(token -> tokens.revokeFamily(token.familyId().toString(), clock.instant()));
    }

    @Transactional
    void revokeAll(UUID accountId) {
        tokens.revokeAccount(accountId.toString(), clock.instant());
    }

    /** On erasure: not even the times of the person's sessions stay. */
    @Transactional
    void deleteAll(UUID accountId) {
        tokens.deleteByAccountId(accountId);
    }

    /** Expired tokens are useless; a day's grace keeps reuse detection for clocks that differ a little. */
    @Transactional
    int deleteExpired() {
        return tokens.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    /** Sign-in sessions for the personal data export: when, not the secrets. */
    @Transactional
    List<Map<String, Object>> sessionsOf(UUID accountId) {
        return tokens.findByAccountIdOrderByCreatedAt(accountId).stream()
                .map(token -> Map.<String, Object>of("createdAt", token.createdAt(), "expiresAt", token.expiresAt(),
                        "active", token.revokedAt() == null && token.rotatedAt() == null))
                .toList();
    }

    private static String hash(String token) {
        return Hashing.sha256Hex(token);
    }
}
