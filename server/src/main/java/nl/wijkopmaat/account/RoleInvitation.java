package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;
import java.util.UUID;

/** A role given to an address without a verified account; it takes effect when the address is verified. */
@MappedEntity("role_invitation")
record RoleInvitation(@Id UUID id, String email, Role role, UUID scopeId, @Nullable UUID invitedBy, Instant invitedAt) {
}
