package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token, stored as a hash. A family is one sign-in and all its rotations: a token that
 * comes back after it was rotated means it was copied, so the whole family is revoked.
 */
@MappedEntity("refresh_token")
record RefreshToken(@Id UUID id, UUID accountId, UUID familyId, String tokenHash, Instant createdAt, Instant expiresAt,
                    @Nullable Instant rotatedAt, @Nullable Instant revokedAt) {
}
