package nl.wijkopmaat.dialoogtafel;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.wijkopmaat.monitor.Figure;
import nl.wijkopmaat.monitor.MonitorContributor;
import nl.wijkopmaat.monitor.MonitorFigures;
import nl.wijkopmaat.monitor.MonitorPeriod;
import nl.wijkopmaat.monitor.MonitorSql;

import java.sql.Timestamp;

/**
 * Dialoogtafels for the monitor: who attended one in the twelve months, and per wijk the tables
 * held in the quarter (started in it, ended by now, not cancelled) and their attendance. Attendance
 * of an erased person still counts for the table (the row stays without them), not as theirs.
 */
@Singleton
class DialoogtafelMonitorFigures implements MonitorContributor {

    private final JdbcOperations jdbc;

    DialoogtafelMonitorFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(MonitorPeriod period, MonitorFigures figures) {
        String municipality = period.municipalityId().toString();
        Timestamp until = Timestamp.from(period.until());
        Timestamp from = Timestamp.from(period.from());
        figures.active(MonitorSql.ids(jdbc, """
                SELECT r.account_id FROM dialoogtafel d
                JOIN dialoogtafel_registration r ON r.dialoogtafel_id = d.id
                WHERE d.municipality_id = ? AND d.starts_at >= ? AND d.starts_at < ? AND d.status <> 'CANCELLED'
                  AND r.attendance = 'PRESENT' AND r.account_id IS NOT NULL""",
                municipality, Timestamp.from(period.activeFrom()), until));
        MonitorSql.perWijk(jdbc, """
                SELECT wijk_id, COUNT(*) FROM dialoogtafel
                WHERE municipality_id = ? AND starts_at >= ? AND starts_at < ? AND status <> 'CANCELLED' AND ends_at <= ?
                GROUP BY wijk_id""", municipality, from, until, until)
                .forEach((wijk, count) -> figures.add(wijk, Figure.DIALOOGTAFELS_HELD, count));
        MonitorSql.perWijk(jdbc, """
                SELECT d.wijk_id, COUNT(*) FROM dialoogtafel d
                JOIN dialoogtafel_registration r ON r.dialoogtafel_id = d.id
                WHERE d.municipality_id = ? AND d.starts_at >= ? AND d.starts_at < ? AND d.status <> 'CANCELLED'
                  AND d.ends_at <= ? AND r.attendance = 'PRESENT'
                GROUP BY d.wijk_id""", municipality, from, until, until)
                .forEach((wijk, count) -> figures.add(wijk, Figure.DIALOOGTAFEL_ATTENDANCE, count));
    }
}
