package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One step in an initiative's history. A step the system took has no actor and explains itself with
 * {@code reasonCode}, a message rendered in the reader's language; a person's reason is {@code reason}.
 * {@code seq}, its place in the order of arrival, is given by the database and is null until read back.
 */
@MappedEntity("initiative_status_change")
record StatusChange(@Id UUID id, @GeneratedValue @Nullable Long seq, UUID initiativeId, InitiativeTransition action, InitiativeStatus fromStatus,
                    InitiativeStatus toStatus, @Nullable UUID actorId, @Nullable String reason,
                    @Nullable String reasonCode, Instant changedAt) {
}
