package nl.wijkopmaat.volunteering;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something happened around an opportunity or one of its shifts, with the facts that decide who
 * hears about it: who acted, the volunteers of the shift (for a sign-up or a leaving only that
 * person; for confirmed hours the one volunteer and their minutes, null for a no-show), and for a
 * new opportunity the residents of its wijk who asked to hear of one matching their skills. Who
 * hears what, and when the reminder of a shift goes out, is the notification feature's rule.
 * Published inside the transaction of the change.
 */
public record VolunteeringEvent(Kind kind, UUID opportunityId, String opportunityTitle, @Nullable UUID actorId,
                                @Nullable UUID shiftId, @Nullable Instant startsAt, @Nullable Instant endsAt,
                                @Nullable String place, List<UUID> volunteerIds, List<UUID> interestedIds,
                                @Nullable Integer minutes, Instant occurredAt) {

    public enum Kind {
        OPPORTUNITY_PUBLISHED, SIGNED_UP, LEFT, SHIFT_CHANGED, SHIFT_CANCELLED, HOURS_CONFIRMED
    }
}
