package nl.wijkopmaat.volunteering;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/** Rough moments a resident can help, in Amsterdam time. */
public enum Availability {
    WEEKDAY_MORNINGS, WEEKDAY_AFTERNOONS, WEEKDAY_EVENINGS, WEEKENDS;

    /** The moment a shift starting at {@code start} falls in: mornings before 12:00, afternoons before 18:00. */
    static Availability of(ZonedDateTime start) {
        if (start.getDayOfWeek() == DayOfWeek.SATURDAY || start.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return WEEKENDS;
        }
        int hour = start.getHour();
        return hour < 12 ? WEEKDAY_MORNINGS : hour < 18 ? WEEKDAY_AFTERNOONS : WEEKDAY_EVENINGS;
    }
}
