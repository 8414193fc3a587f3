package nl.wijkopmaat.initiative;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.wijkopmaat.monitor.Figure;
import nl.wijkopmaat.monitor.MonitorContributor;
import nl.wijkopmaat.monitor.MonitorFigures;
import nl.wijkopmaat.monitor.MonitorPeriod;
import nl.wijkopmaat.monitor.MonitorSql;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Initiatives for the monitor: who submitted, supported or commented in the twelve months; per wijk
 * the initiatives submitted, approved and completed in the quarter; and every answer (a review) of
 * the quarter, within its term or not. A term starts when an owner takes the initiative
 * ({@code SUBMITTED -> IN_REVIEW}) and runs the configured working days, so an answer is measured
 * against the term it answered, also after a resubmission started a new one.
 */
@Singleton
class InitiativeMonitorFigures implements MonitorContributor {

    private final JdbcOperations jdbc;
    private final int answerWorkingDays;

    InitiativeMonitorFigures(JdbcOperations jdbc,
                             @Value("${wijkopmaat.initiatives.answer-working-days}") int answerWorkingDays) {
        this.jdbc = jdbc;
        this.answerWorkingDays = answerWorkingDays;
    }

    @Override
    public void contribute(MonitorPeriod period, MonitorFigures figures) {
        String municipality = period.municipalityId().toString();
        Timestamp activeFrom = Timestamp.from(period.activeFrom());
        Timestamp from = Timestamp.from(period.from());
        Timestamp until = Timestamp.from(period.until());
        figures.active(MonitorSql.ids(jdbc, """
                SELECT author_id FROM initiative
                WHERE municipality_id = ? AND submitted_at >= ? AND submitted_at < ? AND author_id IS NOT NULL
                UNION
                SELECT s.account_id FROM initiative_support s JOIN initiative i ON i.id = s.initiative_id
                WHERE i.municipality_id = ? AND s.supported_at >= ? AND s.supported_at < ?
                UNION
                SELECT c.author_id FROM initiative_comment c JOIN initiative i ON i.id = c.initiative_id
                WHERE i.municipality_id = ? AND c.created_at >= ? AND c.created_at < ? AND c.author_id IS NOT NULL""",
                municipality, activeFrom, until, municipality, activeFrom, until, municipality, activeFrom, until));
        MonitorSql.perWijk(jdbc, """
                SELECT wijk_id, COUNT(*) FROM initiative
                WHERE municipality_id = ? AND submitted_at >= ? AND submitted_at < ? GROUP BY wijk_id""",
                municipality, from, until).forEach((wijk, count) -> figures.add(wijk, Figure.INITIATIVES_SUBMITTED, count));
        MonitorSql.perWijk(jdbc, reached(), municipality, "APPROVED", from, until)
                .forEach((wijk, count) -> figures.add(wijk, Figure.INITIATIVES_APPROVED, count));
        MonitorSql.perWijk(jdbc, reached(), municipality, "COMPLETED", from, until)
                .forEach((wijk, count) -> figures.add(wijk, Figure.INITIATIVES_COMPLETED, count));
        answers(figures, municipality, from, until);
    }

    /** Initiatives per wijk that reached a status in the quarter, each once. */
    private static String reached() {
        return """
                SELECT i.wijk_id, COUNT(DISTINCT sc.initiative_id) FROM initiative_status_change sc
                JOIN initiative i ON i.id = sc.initiative_id
                WHERE i.municipality_id = ? AND sc.to_status = ? AND sc.changed_at >= ? AND sc.changed_at < ?
                GROUP BY i.wijk_id""";
    }

    private void answers(MonitorFigures figures, String municipality, Timestamp from, Timestamp until) {
        jdbc.prepareStatement("""
                SELECT i.wijk_id, r.reviewed_at,
                       (SELECT MAX(sc.changed_at) FROM initiative_status_change sc
                        WHERE sc.initiative_id = r.initiative_id AND sc.from_status = 'SUBMITTED'
                          AND sc.to_status = 'IN_REVIEW' AND sc.changed_at <= r.reviewed_at) AS term_start
                FROM initiative_review r JOIN initiative i ON i.id = r.initiative_id
                WHERE i.municipality_id = ? AND r.reviewed_at >= ? AND r.reviewed_at < ?""", statement -> {
            statement.setString(1, municipality);
            statement.setTimestamp(2, from);
            statement.setTimestamp(3, until);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp termStart = rows.getTimestamp("term_start");
                    if (termStart == null) {
                        continue;
                    }
                    LocalDate start = LocalDate.ofInstant(termStart.toInstant(), InitiativeService.MUNICIPAL_TIME);
                    LocalDate answered = LocalDate.ofInstant(rows.getTimestamp("reviewed_at").toInstant(),
                            InitiativeService.MUNICIPAL_TIME);
                    figures.answer(UUID.fromString(rows.getString("wijk_id")),
                            !answered.isAfter(WorkingDays.after(start, answerWorkingDays)),
                            WorkingDays.between(start, answered));
                }
            }
            return null;
        });
    }
}
