package nl.wijkopmaat.geography;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("wijk")
record Wijk(@Id UUID id, UUID municipalityId, String name, Instant createdAt, Instant updatedAt) {

    Wijk renamed(String newName, Instant now) {
        return new Wijk(id, municipalityId, newName, createdAt, now);
    }
}
