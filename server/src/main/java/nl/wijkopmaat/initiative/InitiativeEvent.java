package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Something happened to an initiative, with the facts that decide who hears about it: who acted
 * (null when the system took the step), the author, the owner after the step, the supporters, and
 * for a hidden comment its writer and the moderator's reason. Who hears what is the notification
 * feature's rule. Published inside the transaction of the change, so a listener that writes in it
 * commits or rolls back with it.
 */
public record InitiativeEvent(UUID initiativeId, Kind kind, @Nullable UUID actorId, UUID municipalityId, UUID wijkId,
                              @Nullable UUID authorId, @Nullable UUID ownerId, Set<UUID> supporterIds,
                              String initiativeTitle, @Nullable UUID commentAuthorId, @Nullable String reason,
                              Instant occurredAt) {

    public enum Kind {
        SUBMITTED, RESUBMITTED, OWNER_ASSIGNED, APPROVED, REJECTED, CHANGES_REQUESTED, FUNDED, STARTED, COMPLETED,
        WITHDRAWN, COMMENTED, COMMENT_HIDDEN
    }

    /** The step was taken by the system, not by a person (the owner taking back a resubmitted initiative). */
    public boolean automatic() {
        return actorId == null;
    }
}
