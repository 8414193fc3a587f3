package nl.wijkopmaat.budget;

import nl.wijkopmaat.common.error.ApiException;

import java.util.Map;

/**
 * The grant lifecycle: a PENDING grant is confirmed (COMMITTED) or cancelled (CANCELLED); both are
 * final. A grant decided at once starts COMMITTED.
 */
enum GrantTransition {
    CONFIRM(GrantStatus.COMMITTED),
    CANCEL(GrantStatus.CANCELLED);

    private final GrantStatus target;

    GrantTransition(GrantStatus target) {
        this.target = target;
    }

    /** The status after this step; a 409 when the grant is no longer pending. */
    GrantStatus from(GrantStatus current) {
        if (current != GrantStatus.PENDING) {
            throw ApiException.conflict("problem.conflict.grant.decided", Map.of("action", name(), "status", current.name()));
        }
        return target;
    }
}
