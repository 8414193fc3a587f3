package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail of role assignments. */
@MappedEntity("role_change")
record RoleChange(@Id UUID id, UUID accountId, Role role, UUID scopeId, Action action, @Nullable UUID actorId, Instant changedAt) {

    enum Action { GRANTED, REVOKED }
}
