package nl.wijkopmaat.common.security;

import nl.wijkopmaat.common.error.ApiException;

import java.util.UUID;

/**
 * Answers from the current role assignments, so a revoked role stops working on the next request.
 * Features ask here instead of reading roles from the token.
 */
public interface Authorizations {

    boolean has(UUID accountId, Role role, UUID scopeId);

    /** Whether the person holds any role at all: the portal then offers their workspaces. */
    boolean hasAnyRole(UUID accountId);

    default void require(UUID accountId, Role role, UUID scopeId) {
        if (!has(accountId, role, scopeId)) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
    }
}
