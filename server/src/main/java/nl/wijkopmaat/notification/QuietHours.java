package nl.wijkopmaat.notification;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours in which pushes wait, in Amsterdam time; they may cross midnight (22:00-08:00). A push that
 * falls inside them is sent when they end. The inbox gets the item at once regardless.
 */
@Serdeable
record QuietHours(String start, String end) {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final QuietHours DEFAULT = new QuietHours("22:00", "08:00");

    /** When a push created at {@code now} may go out. */
    Instant deliverFrom(Instant now) {
        LocalTime from = LocalTime.parse(start);
        LocalTime until = LocalTime.parse(end);
        if (from.equals(until)) {
            return now;
        }
        ZonedDateTime local = now.atZone(ZONE);
        LocalTime time = local.toLocalTime();
        boolean crossesMidnight = from.isAfter(until);
        boolean quiet = crossesMidnight ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return now;
        }
        ZonedDateTime endToday = local.with(until);
        ZonedDateTime end = endToday.isAfter(local) ? endToday : endToday.plusDays(1);
        return end.toInstant();
    }
}
