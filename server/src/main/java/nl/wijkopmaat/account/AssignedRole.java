package nl.wijkopmaat.account;

import io.micronaut.serde.annotation.Serdeable;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;
import java.util.UUID;

/** A role assignment with the person it is given to, as admins see it. */
@Serdeable
public record AssignedRole(UUID id, UUID accountId, String displayName, String email, Role role, Instant assignedAt) {
}
