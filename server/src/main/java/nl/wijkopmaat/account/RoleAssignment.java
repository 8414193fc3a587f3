package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("role_assignment")
record RoleAssignment(@Id UUID id, UUID accountId, Role role, UUID scopeId, @Nullable UUID assignedBy, Instant assignedAt) {
}
