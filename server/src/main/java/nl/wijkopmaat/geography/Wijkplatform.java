package nl.wijkopmaat.geography;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * The residents' platform of one wijk; created together with its wijk. Its contact address is the
 * platform's own (shown publicly), never a board member's personal one.
 */
@MappedEntity("wijkplatform")
record Wijkplatform(@Id UUID id, UUID wijkId, String name, Instant createdAt, @Nullable String contactEmail) {

    Wijkplatform withContactEmail(@Nullable String email) {
        return new Wijkplatform(id, wijkId, name, createdAt, email);
    }
}
