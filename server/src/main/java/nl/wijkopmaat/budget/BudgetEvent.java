package nl.wijkopmaat.budget;

import io.micronaut.core.annotation.Nullable;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Money moved for an initiative, with the facts that decide who hears about it: who acted, the
 * platform whose board may confirm a pending grant and the role of its proposer, and the
 * initiative's author and supporters. Published inside the transaction of the change.
 */
public record BudgetEvent(Kind kind, UUID grantId, UUID actorId, UUID wijkplatformId, Role proposedAs,
                          UUID initiativeId, String initiativeTitle, @Nullable UUID authorId, Set<UUID> supporterIds,
                          long amountCents, Instant occurredAt) {

    public enum Kind {
        /** A grant waits for a second board member. */
        GRANT_PENDING,
        /** A grant committed money to the initiative. */
        GRANT_COMMITTED,
        /** Money was paid out against a grant. */
        PAYOUT
    }
}
