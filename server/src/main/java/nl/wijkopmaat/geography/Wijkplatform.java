package nl.wijkopmaat.geography;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** The residents' platform of one wijk; created together with its wijk. */
@MappedEntity("wijkplatform")
record Wijkplatform(@Id UUID id, UUID wijkId, String name, Instant createdAt) {
}
