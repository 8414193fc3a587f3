package nl.wijkopmaat.account;

import io.micronaut.serde.annotation.Serdeable;
import nl.wijkopmaat.common.security.Role;

import java.util.UUID;

/** A role a person holds, and where. */
@Serdeable
record RoleGrant(Role role, Role.ScopeType scopeType, UUID scopeId) {

    static RoleGrant of(RoleAssignment assignment) {
        return new RoleGrant(assignment.role(), assignment.role().scopeType(), assignment.scopeId());
    }
}
