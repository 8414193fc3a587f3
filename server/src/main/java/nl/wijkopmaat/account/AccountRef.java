package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * Another feature's view of an account. The display name is empty for an erased account, which
 * clients show as "removed account".
 */
public record AccountRef(UUID id, @Nullable String email, @Nullable String displayName, UUID municipalityId) {
}
