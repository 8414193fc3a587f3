package nl.wijkopmaat.common.idempotency;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.security.ServerSecret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The storage of the API's idempotency keys, for callers other than {@link Idempotent} (the portal's
 * forms): claim a person's key, and complete the claim with where the first submission led.
 */
@Singleton
public class IdempotencyStore {

    private static final String HMAC = "HmacSHA256";

    private final IdempotencyRepository repository;
    private final Clock clock;
    private final byte[] hashKey;

    IdempotencyStore(IdempotencyRepository repository, Clock clock, ServerSecret secret) {
        this.repository = repository;
        this.clock = clock;
        this.hashKey = secret.key("idempotency hashes");
    }

    /** What the first request with a key left: the hash of what it sent, and its answer. */
    public record Earlier(String requestHash, @Nullable Integer statusCode, @Nullable String location) {
    }

    /**
     * Claims the key for {@code claimId} within the caller's transaction; the earlier request when the
     * key was taken. A concurrent claim of the same key waits until the first one's transaction ends.
     */
    public Optional<Earlier> claim(String claimId, String principal, String key, String requestHash) {
        if (repository.claim(claimId, principal, key, requestHash, clock.instant()) == 1) {
            return Optional.empty();
        }
        IdempotencyRecord stored = repository.findByPrincipalAndIdempotencyKey(principal, key).orElseThrow();
        return Optional.of(new Earlier(stored.requestHash(), stored.statusCode(), stored.location()));
    }

    public void complete(String claimId, int statusCode, @Nullable String location) {
        repository.complete(claimId, statusCode, null, location);
    }

    /** A keyed hash of what a request sent: it may hold what a person typed, which an unkeyed hash would leak. */
    public String hash(String material) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(hashKey, HMAC));
            return HexFormat.of().formatHex(mac.doFinal(material.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
