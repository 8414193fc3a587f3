package nl.wijkopmaat.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static Instant amsterdam(String localDateTime) {
        return ZonedDateTime.parse(localDateTime + "[Europe/Amsterdam]").toInstant();
    }

    @Test
    void outsideQuietHoursAPushGoesAtOnce() {
        Instant noon = amsterdam("2026-12-01T12:00:00+01:00");
        assertThat(QuietHours.DEFAULT.deliverFrom(noon)).isEqualTo(noon);
    }

    @Test
    void lateEveningWaitsForTomorrowEightAndEarlyMorningForTodayEight() {
        assertThat(QuietHours.DEFAULT.deliverFrom(amsterdam("2026-12-01T22:00:00+01:00")))
                .isEqualTo(amsterdam("2026-12-02T08:00:00+01:00"));
        assertThat(QuietHours.DEFAULT.deliverFrom(amsterdam("2026-12-02T03:15:00+01:00")))
                .isEqualTo(amsterdam("2026-12-02T08:00:00+01:00"));
        Instant eight = amsterdam("2026-12-02T08:00:00+01:00");
        assertThat(QuietHours.DEFAULT.deliverFrom(eight)).isEqualTo(eight);
    }

    @Test
    void quietHoursWithinOneDayAndNone() {
        QuietHours lunch = new QuietHours("12:00", "13:30");
        assertThat(lunch.deliverFrom(amsterdam("2026-06-01T12:10:00+02:00"))).isEqualTo(amsterdam("2026-06-01T13:30:00+02:00"));
        Instant any = amsterdam("2026-06-01T23:00:00+02:00");
        assertThat(new QuietHours("09:00", "09:00").deliverFrom(any)).isEqualTo(any);
    }

    @Test
    void eightOClockIsLocalTimeAcrossTheSummerTimeChange() {
        assertThat(QuietHours.DEFAULT.deliverFrom(amsterdam("2026-03-28T23:00:00+01:00")))
                .isEqualTo(amsterdam("2026-03-29T08:00:00+02:00"));
    }
}
