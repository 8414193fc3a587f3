package nl.wijkopmaat.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A calendar quarter in the municipality's time, the monitor's unit of time. */
record Quarter(LocalDate start) {

    static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");

    static Quarter of(Instant instant) {
        LocalDate date = LocalDate.ofInstant(instant, MUNICIPAL_TIME);
        return new Quarter(LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1));
    }

    Quarter previous() {
        return new Quarter(start.minusMonths(3));
    }

    LocalDate lastDay() {
        return start.plusMonths(3).minusDays(1);
    }

    Instant from() {
        return start.atStartOfDay(MUNICIPAL_TIME).toInstant();
    }

    Instant end() {
        return start.plusMonths(3).atStartOfDay(MUNICIPAL_TIME).toInstant();
    }

    /** {@code 2026-Q3}. */
    String label() {
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    /** This quarter and the three before it, newest first: the trend the monitor shows. */
    List<Quarter> lastFour() {
        return List.of(this, previous(), previous().previous(), previous().previous().previous());
    }
}
