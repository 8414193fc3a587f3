package nl.wijkopmaat.geography;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("buurt")
record Buurt(@Id UUID id, UUID wijkId, String name, Instant createdAt, Instant updatedAt) {

    Buurt renamed(String newName, Instant now) {
        return new Buurt(id, wijkId, newName, createdAt, now);
    }
}
