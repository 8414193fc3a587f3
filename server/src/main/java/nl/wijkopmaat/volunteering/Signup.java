package nl.wijkopmaat.volunteering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A seat a person holds on a shift, with the shift's times (kept equal to the shift's) and, after
 * the shift, what a coordinator confirmed. {@code active} is false once the shift was cancelled.
 */
@MappedEntity("volunteer_signup")
record Signup(
        @Id UUID id,
        @GeneratedValue @Nullable Long seq,
        UUID shiftId,
        @Nullable UUID accountId,
        Instant startsAt,
        Instant endsAt,
        boolean active,
        @Nullable HoursOutcome outcome,
        @Nullable Integer minutes,
        @Nullable UUID confirmedBy,
        @Nullable Instant confirmedAt,
        Instant signedUpAt) {
}
