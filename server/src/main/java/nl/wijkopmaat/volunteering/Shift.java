package nl.wijkopmaat.volunteering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A dated shift of an opportunity; {@code signedUp} counts the seats taken, never above {@code capacity}. */
@MappedEntity("volunteer_shift")
record Shift(
        @Id UUID id,
        UUID opportunityId,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        int signedUp,
        @Nullable String place,
        ShiftStatus status,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    int seatsLeft() {
        return status == ShiftStatus.CANCELLED ? 0 : Math.max(0, capacity - signedUp);
    }

    long lengthInMinutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    ShiftPhase phase(Instant now) {
        if (status == ShiftStatus.CANCELLED) {
            return ShiftPhase.CANCELLED;
        }
        if (now.isBefore(startsAt)) {
            return ShiftPhase.UPCOMING;
        }
        return now.isBefore(endsAt) ? ShiftPhase.RUNNING : ShiftPhase.PAST;
    }

    Shift changed(Instant newStart, Instant newEnd, int newCapacity, @Nullable String newPlace, Instant now) {
        return new Shift(id, opportunityId, newStart, newEnd, newCapacity, signedUp, newPlace, status, createdAt, now,
                version);
    }

    Shift cancelled(Instant now) {
        return new Shift(id, opportunityId, startsAt, endsAt, capacity, signedUp, place, ShiftStatus.CANCELLED,
                createdAt, now, version);
    }
}
