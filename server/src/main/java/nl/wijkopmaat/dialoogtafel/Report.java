package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** The report of a table that has ended; its publisher is detached (null) when their account is erased. */
@MappedEntity("dialoogtafel_report")
record Report(
        @Id UUID dialoogtafelId,
        String summary,
        int participantCount,
        @Nullable UUID publishedBy,
        Instant publishedAt,
        Instant updatedAt) {
}
