package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's seat at a table (CONFIRMED) or their place in its waiting list (WAITLISTED, with
 * {@code waitlistPosition} from 1), in the order they came; after the start what an organiser recorded.
 */
@MappedEntity("dialoogtafel_registration")
record Registration(
        @Id UUID id,
        @GeneratedValue @Nullable Long seq,
        UUID dialoogtafelId,
        @Nullable UUID accountId,
        RegistrationStatus status,
        @Nullable Integer waitlistPosition,
        @Nullable Attendance attendance,
        @Nullable UUID attendanceBy,
        @Nullable Instant attendanceAt,
        Instant registeredAt,
        @Nullable Instant confirmedAt) {
}
