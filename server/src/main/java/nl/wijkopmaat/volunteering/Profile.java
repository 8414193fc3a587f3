package nl.wijkopmaat.volunteering;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A resident's volunteer profile; its skills are rows of their own. */
@MappedEntity("volunteer_profile")
record Profile(
        @Id UUID accountId,
        boolean weekdayMornings,
        boolean weekdayAfternoons,
        boolean weekdayEvenings,
        boolean weekends,
        boolean notifyMatches,
        Instant updatedAt) {

    Set<Availability> availability() {
        Set<Availability> moments = EnumSet.noneOf(Availability.class);
        if (weekdayMornings) {
            moments.add(Availability.WEEKDAY_MORNINGS);
        }
        if (weekdayAfternoons) {
            moments.add(Availability.WEEKDAY_AFTERNOONS);
        }
        if (weekdayEvenings) {
            moments.add(Availability.WEEKDAY_EVENINGS);
        }
        if (weekends) {
            moments.add(Availability.WEEKENDS);
        }
        return moments;
    }
}
