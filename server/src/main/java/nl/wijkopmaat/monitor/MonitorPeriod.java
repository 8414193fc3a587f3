package nl.wijkopmaat.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a refresh asks of the features for one quarter of one municipality: acts from {@code from}
 * (the quarter's start) until {@code until} (its end, or now while it runs) count for the quarter;
 * people who acted from {@code activeFrom} (twelve months before {@code until}) count as active.
 */
public record MonitorPeriod(UUID municipalityId, LocalDate quarterStart, Instant from, Instant until,
                            Instant activeFrom) {

    /** The calendar year the quarter lies in, e.g. for the wijkbudget of that year. */
    public int year() {
        return quarterStart.getYear();
    }
}
