package nl.wijkopmaat.challenge;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.wijkopmaat.monitor.MonitorContributor;
import nl.wijkopmaat.monitor.MonitorFigures;
import nl.wijkopmaat.monitor.MonitorPeriod;
import nl.wijkopmaat.monitor.MonitorSql;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * Right to Challenge for the monitor: who joined a group in the twelve months, and per wijk the
 * proposals in each status at the period's end, read from the status history so a past quarter
 * shows the states of then. A draft has no history and is not counted: it is not public.
 */
@Singleton
class ChallengeMonitorFigures implements MonitorContributor {

    private final JdbcOperations jdbc;

    ChallengeMonitorFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(MonitorPeriod period, MonitorFigures figures) {
        String municipality = period.municipalityId().toString();
        Timestamp until = Timestamp.from(period.until());
        figures.active(MonitorSql.ids(jdbc, """
                SELECT m.account_id FROM challenge_member m JOIN challenge c ON c.id = m.challenge_id
                WHERE c.municipality_id = ? AND m.joined_at >= ? AND m.joined_at < ?""",
                municipality, Timestamp.from(period.activeFrom()), until));
        jdbc.prepareStatement("""
                SELECT wijk_id, status, COUNT(*) FROM (
                    SELECT c.wijk_id,
                           (SELECT sc.to_status FROM challenge_status_change sc
                            WHERE sc.challenge_id = c.id AND sc.changed_at < ? ORDER BY sc.seq DESC LIMIT 1) AS status
                    FROM challenge c WHERE c.municipality_id = ?) states
                WHERE status IS NOT NULL GROUP BY wijk_id, status""", statement -> {
            statement.setTimestamp(1, until);
            statement.setString(2, municipality);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    figures.addChallenges(UUID.fromString(rows.getString(1)), rows.getString(2), rows.getLong(3));
                }
            }
            return null;
        });
    }
}
