package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("initiative_status_change")
record StatusChange(@Id UUID id, UUID initiativeId, InitiativeTransition action, InitiativeStatus fromStatus,
                    InitiativeStatus toStatus, @Nullable UUID actorId, @Nullable String reason, Instant changedAt) {
}
