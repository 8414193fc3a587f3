package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A review; {@code seq}, its place in the order of arrival, is given by the database and null until read back. */
@MappedEntity("initiative_review")
record Review(@Id UUID id, @GeneratedValue @Nullable Long seq, UUID initiativeId, @Nullable UUID reviewerId, ReviewDecision decision, @Nullable String reason,
              Instant reviewedAt) {
}
