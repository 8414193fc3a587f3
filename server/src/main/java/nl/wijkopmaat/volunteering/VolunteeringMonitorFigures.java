package nl.wijkopmaat.volunteering;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.wijkopmaat.monitor.Figure;
import nl.wijkopmaat.monitor.MonitorContributor;
import nl.wijkopmaat.monitor.MonitorFigures;
import nl.wijkopmaat.monitor.MonitorPeriod;
import nl.wijkopmaat.monitor.MonitorSql;

import java.sql.Timestamp;

/**
 * Volunteering for the monitor: who worked a shift (confirmed present) that ended in the twelve
 * months, and per wijk of the opportunity the confirmed minutes of shifts that ended in the quarter.
 */
@Singleton
class VolunteeringMonitorFigures implements MonitorContributor {

    private final JdbcOperations jdbc;

    VolunteeringMonitorFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(MonitorPeriod period, MonitorFigures figures) {
        String municipality = period.municipalityId().toString();
        Timestamp until = Timestamp.from(period.until());
        figures.volunteers(MonitorSql.ids(jdbc, """
                SELECT s.account_id FROM volunteer_signup s
                JOIN volunteer_shift sh ON sh.id = s.shift_id
                JOIN volunteer_opportunity o ON o.id = sh.opportunity_id
                WHERE s.ends_at >= ? AND s.ends_at < ? AND s.outcome = 'PRESENT' AND s.account_id IS NOT NULL
                  AND o.municipality_id = ?""", Timestamp.from(period.activeFrom()), until, municipality));
        MonitorSql.perWijk(jdbc, """
                SELECT o.wijk_id, SUM(s.minutes) FROM volunteer_signup s
                JOIN volunteer_shift sh ON sh.id = s.shift_id
                JOIN volunteer_opportunity o ON o.id = sh.opportunity_id
                WHERE s.ends_at >= ? AND s.ends_at < ? AND s.outcome = 'PRESENT' AND o.municipality_id = ?
                GROUP BY o.wijk_id""", Timestamp.from(period.from()), until, municipality)
                .forEach((wijk, minutes) -> figures.add(wijk, Figure.VOLUNTEER_MINUTES, minutes));
    }
}
