package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("initiative_review")
record Review(@Id UUID id, UUID initiativeId, @Nullable UUID reviewerId, ReviewDecision decision, @Nullable String reason,
              Instant reviewedAt) {
}
