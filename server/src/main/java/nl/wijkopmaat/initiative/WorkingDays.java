package nl.wijkopmaat.initiative;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Answer terms count working days, Monday to Friday. */
final class WorkingDays {

    private WorkingDays() {
    }

    static LocalDate after(LocalDate start, int workingDays) {
        LocalDate date = start;
        int remaining = workingDays;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                remaining--;
            }
        }
        return date;
    }

    /** Working days after {@code start} up to and including {@code end}; 0 when {@code end} is not after it. */
    static int between(LocalDate start, LocalDate end) {
        int days = 0;
        for (LocalDate date = start.plusDays(1); !date.isAfter(end); date = date.plusDays(1)) {
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
