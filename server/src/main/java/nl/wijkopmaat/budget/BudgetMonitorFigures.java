package nl.wijkopmaat.budget;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.monitor.Figure;
import nl.wijkopmaat.monitor.MonitorContributor;
import nl.wijkopmaat.monitor.MonitorFigures;
import nl.wijkopmaat.monitor.MonitorPeriod;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The wijkbudget for the monitor: per wijk, for the year of the quarter, the municipal allocation,
 * the grants committed and the payouts, summed from the ledger up to the period's end, so a past
 * quarter shows what the ledger said then.
 */
@Singleton
class BudgetMonitorFigures implements MonitorContributor {

    private static final Map<String, Figure> FIGURES = Map.of(
            EntryType.ALLOCATION.name(), Figure.BUDGET_ALLOCATED_CENTS,
            EntryType.GRANT_COMMITTED.name(), Figure.BUDGET_GRANTED_CENTS,
            EntryType.PAYOUT.name(), Figure.BUDGET_PAID_CENTS);

    private final JdbcOperations jdbc;
    private final GeographyService geography;

    BudgetMonitorFigures(JdbcOperations jdbc, GeographyService geography) {
        this.jdbc = jdbc;
        this.geography = geography;
    }

    @Override
    public void contribute(MonitorPeriod period, MonitorFigures figures) {
        Map<UUID, UUID> wijkByPlatform = new HashMap<>();
        for (WijkDetail wijk : geography.wijkenOf(period.municipalityId())) {
            if (wijk.wijkplatform() != null) {
                wijkByPlatform.put(wijk.wijkplatform().id(), wijk.id());
            }
        }
        jdbc.prepareStatement("""
                SELECT b.wijkplatform_id, e.entry_type, SUM(e.amount_cents) FROM budget b
                JOIN budget_entry e ON e.budget_id = b.id
                WHERE b.municipality_id = ? AND b.budget_year = ? AND e.created_at < ?
                  AND e.entry_type IN ('ALLOCATION', 'GRANT_COMMITTED', 'PAYOUT')
                GROUP BY b.wijkplatform_id, e.entry_type""", statement -> {
            statement.setString(1, period.municipalityId().toString());
            statement.setInt(2, period.year());
            statement.setTimestamp(3, Timestamp.from(period.until()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID wijk = wijkByPlatform.get(UUID.fromString(rows.getString(1)));
                    if (wijk != null) {
                        figures.add(wijk, FIGURES.get(rows.getString(2)), rows.getLong(3));
                    }
                }
            }
            return null;
        });
    }
}
