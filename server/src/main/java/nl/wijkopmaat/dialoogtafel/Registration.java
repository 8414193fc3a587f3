package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's seat at a table (CONFIRMED) or their place in its waiting list (WAITLISTED, with a
 * {@code queueNumber}), in the order they came; after the start what an organiser recorded.
 */
@MappedEntity("dialoogtafel_registration")
record Registration(
        @Id UUID id,
        @GeneratedValue @Nullable Long seq,
        UUID dialoogtafelId,
        @Nullable UUID accountId,
        RegistrationStatus status,
        @Nullable Integer queueNumber,
        @Nullable Attendance attendance,
        @Nullable UUID attendanceBy,
        @Nullable Instant attendanceAt,
        Instant registeredAt,
        @Nullable Instant confirmedAt) {

    /** The place in the waiting list of {@code table}, from 1; null with a seat. */
    @Nullable
    Integer waitlistPosition(Dialoogtafel table) {
        return queueNumber == null ? null : queueNumber - table.queueServed();
    }
}
