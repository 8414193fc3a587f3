package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a municipality's role trail as its admins read it: who got or lost which role where,
 * by whom and when. Names are null for people who are no longer there (or, as actor, for the system).
 */
public record RoleChangeView(UUID id, UUID accountId, @Nullable String displayName, @Nullable String email, Role role,
                             UUID scopeId, String scopeName, boolean granted, @Nullable String actorName,
                             Instant changedAt) {
}
