package nl.wijkopmaat.account;

import jakarta.inject.Singleton;
import nl.wijkopmaat.account.AccountToken.Purpose;
import nl.wijkopmaat.common.Hashing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and redeems the tokens of verification and reset mails: 256 random bits, stored hashed,
 * valid once and for a short time. Runs in the caller's transaction.
 */
@Singleton
class AccountTokens {

    private static final int TOKEN_BYTES = 32;

    private final AccountTokenRepository tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountTokens(AccountTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new token; earlier unused ones of the same purpose stop working, so only the latest mail counts. */
    String issue(UUID accountId, Purpose purpose, Duration lifetime) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.useAllOf(accountId, purpose.name(), now);
        tokens.save(new AccountToken(Hashing.sha256Hex(token), accountId, purpose, now, now.plus(lifetime), null));
        return token;
    }

    /** The account of an unused, unexpired token of this purpose, which is used up by this call. */
    Optional<UUID> redeem(String token, Purpose purpose) {
        Instant now = clock.instant();
        Optional<AccountToken> found = tokens.findForUpdate(Hashing.sha256Hex(token))
                .filter(t -> t.purpose() == purpose && t.usedAt() == null && t.expiresAt().isAfter(now));
        found.ifPresent(t -> tokens.useAllOf(t.accountId(), purpose.name(), now));
        return found.map(AccountToken::accountId);
    }

    /** For the export: when tokens were mailed and used, never the tokens. */
    List<Map<String, Object>> of(UUID accountId) {
        return tokens.findByAccountIdOrderByCreatedAt(accountId).stream()
                .map(token -> Map.<String, Object>of("purpose", token.purpose(), "createdAt", token.createdAt(),
                        "used", token.usedAt() != null))
                .toList();
    }

    void forget(UUID accountId) {
        tokens.deleteOf(accountId);
    }

    int deleteExpired() {
        return tokens.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }
}
