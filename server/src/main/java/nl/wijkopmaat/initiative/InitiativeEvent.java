package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Something happened to an initiative that its author and supporters should hear about. Published
 * inside the transaction of the change, so a listener that writes in it commits or rolls back with it.
 * The actor is never among the recipients.
 */
public record InitiativeEvent(UUID initiativeId, Kind kind, @Nullable UUID actorId, @Nullable UUID authorId,
                              Set<UUID> recipients, String initiativeTitle, Instant occurredAt) {

    public enum Kind {
        SUBMITTED, RESUBMITTED, OWNER_ASSIGNED, APPROVED, REJECTED, CHANGES_REQUESTED, FUNDED, STARTED, COMPLETED,
        WITHDRAWN, COMMENTED
    }
}
