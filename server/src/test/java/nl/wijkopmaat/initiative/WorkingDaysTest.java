package nl.wijkopmaat.initiative;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

    @Test
    void tenWorkingDaysFromAFridayEndOnTheFridayTwoWeeksLater() {
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 20), 10)).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void aTermStartedInTheWeekendCountsFromMonday() {
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 21), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 22), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void oneWorkingDayAfterFridayIsMonday() {
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 27), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
    }
}
