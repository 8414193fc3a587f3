package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import nl.wijkopmaat.common.Theme;

import java.time.Instant;
import java.util.UUID;

/**
 * A dialoogtafel of a wijk, optionally of one of its buurten. {@code confirmed} counts the seats taken
 * (never above {@code capacity}) and {@code waitlisted} the people waiting, in 1..waitlisted: a
 * person waiting holds a queue number, and their place is that number minus {@code queueServed},
 * the numbers promoted to a seat so far.
 * Who organises it follows the roles of its wijk and municipality; {@code createdBy} only records who
 * created it, and is detached (null) when that account is erased.
 */
@MappedEntity("dialoogtafel")
record Dialoogtafel(
        @Id UUID id,
        UUID municipalityId,
        UUID wijkId,
        @Nullable UUID buurtId,
        @Nullable UUID createdBy,
        String title,
        String description,
        Theme theme,
        @Nullable String placeName,
        @Nullable String placeAddress,
        @Nullable String onlineLink,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        int confirmed,
        int waitlisted,
        int queueServed,
        @Nullable String facilitatorName,
        DialoogtafelStatus status,
        @Nullable String cancelReason,
        @Nullable Instant cancelledAt,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    int seatsLeft() {
        return status == DialoogtafelStatus.CANCELLED ? 0 : Math.max(0, capacity - confirmed);
    }

    DialoogtafelPhase phase(Instant now) {
        if (status == DialoogtafelStatus.CANCELLED) {
            return DialoogtafelPhase.CANCELLED;
        }
        if (now.isBefore(startsAt)) {
            return DialoogtafelPhase.UPCOMING;
        }
        return now.isBefore(endsAt) ? DialoogtafelPhase.RUNNING : DialoogtafelPhase.ENDED;
    }

    /** As residents see it: HELD follows by itself once the end has passed. */
    DialoogtafelStatus shownStatus(Instant now) {
        return phase(now) == DialoogtafelPhase.ENDED ? DialoogtafelStatus.HELD : status;
    }

    /** A place to meet, an online link, or both. */
    @Nullable
    String where() {
        if (placeName == null) {
            return onlineLink == null ? null : "online";
        }
        return placeAddress == null ? placeName : placeName + ", " + placeAddress;
    }

    Dialoogtafel changed(String newTitle, String newDescription, @Nullable String newPlaceName,
                         @Nullable String newPlaceAddress, @Nullable String newOnlineLink, Instant newStart,
                         Instant newEnd, int newCapacity, @Nullable String newFacilitator, Instant now) {
        return new Dialoogtafel(id, municipalityId, wijkId, buurtId, createdBy, newTitle, newDescription, theme,
                newPlaceName, newPlaceAddress, newOnlineLink, newStart, newEnd, newCapacity, confirmed, waitlisted,
                queueServed, newFacilitator, status, cancelReason, cancelledAt, createdAt, now, version);
    }

    Dialoogtafel cancelled(String reason, Instant now) {
        return new Dialoogtafel(id, municipalityId, wijkId, buurtId, createdBy, title, description, theme, placeName,
                placeAddress, onlineLink, startsAt, endsAt, capacity, confirmed, waitlisted, queueServed,
                facilitatorName, DialoogtafelStatus.CANCELLED, reason, now, createdAt, now, version);
    }
}
