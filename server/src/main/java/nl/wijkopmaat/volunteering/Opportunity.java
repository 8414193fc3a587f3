package nl.wijkopmaat.volunteering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A volunteer opportunity of a wijk. {@code seq}, its place in the order of publication, is given by
 * the database. The organiser is detached (null) when their account is erased.
 */
@MappedEntity("volunteer_opportunity")
record Opportunity(
        @Id UUID id,
        @GeneratedValue @Nullable Long seq,
        UUID municipalityId,
        UUID wijkId,
        @Nullable UUID buurtId,
        @Nullable UUID organiserId,
        String title,
        String description,
        @Nullable String minimumAgeNote,
        OpportunityStatus status,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    Opportunity withContent(String newTitle, String newDescription, @Nullable String newMinimumAgeNote,
                            @Nullable UUID newBuurtId, OpportunityStatus newStatus, Instant now) {
        return new Opportunity(id, seq, municipalityId, wijkId, newBuurtId, organiserId, newTitle, newDescription,
                newMinimumAgeNote, newStatus, createdAt, now, version);
    }
}
