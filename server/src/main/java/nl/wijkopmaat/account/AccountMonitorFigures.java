package nl.wijkopmaat.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.wijkopmaat.monitor.MonitorContributor;
import nl.wijkopmaat.monitor.MonitorFigures;
import nl.wijkopmaat.monitor.MonitorPeriod;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The registered residents of a municipality, each with the buurt they chose: verified, not erased,
 * registered before the period's end. Staff without a buurt are nobody's neighbours and not counted.
 */
@Singleton
class AccountMonitorFigures implements MonitorContributor {

    private final JdbcOperations jdbc;

    AccountMonitorFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(MonitorPeriod period, MonitorFigures figures) {
        figures.residents(jdbc.prepareStatement("""
                SELECT id, buurt_id FROM account
                WHERE municipality_id = ? AND status = 'ACTIVE' AND verified_at IS NOT NULL
                  AND buurt_id IS NOT NULL AND created_at < ?""", statement -> {
            statement.setString(1, period.municipalityId().toString());
            statement.setTimestamp(2, Timestamp.from(period.until()));
            Map<UUID, UUID> buurtByAccount = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    buurtByAccount.put(UUID.fromString(rows.getString(1)), UUID.fromString(rows.getString(2)));
                }
            }
            return buurtByAccount;
        }));
    }
}
