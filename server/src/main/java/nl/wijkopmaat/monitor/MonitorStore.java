package nl.wijkopmaat.monitor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The monitor's own tables: inhabitants, targets, the snapshot and the refresh lock. */
@Singleton
class MonitorStore {

    record InhabitantsRow(UUID areaId, UUID wijkId, int year, int inhabitants, @Nullable Integer households,
                          boolean demo) {
    }

    record TargetRow(TargetIndicator indicator, LocalDate startDate, Comparison comparison, BigDecimal percent) {
    }

    record QuarterRow(LocalDate start, Instant computedAt, boolean complete) {
    }

    record FigureRow(LocalDate quarter, UUID wijkId, UUID areaId, String figure, long amount) {
    }

    private final JdbcOperations jdbc;

    MonitorStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void putInhabitants(UUID areaId, UUID municipalityId, UUID wijkId, int year, int inhabitants,
                        @Nullable Integer households, boolean demo, Instant now) {
        update("""
                INSERT INTO monitor_inhabitants
                    (area_id, municipality_id, wijk_id, figure_year, inhabitants, households, demo, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE inhabitants = VALUES(inhabitants), households = VALUES(households),
                    demo = VALUES(demo), recorded_at = VALUES(recorded_at)""",
                areaId.toString(), municipalityId.toString(), wijkId.toString(), year, inhabitants, households, demo,
                Timestamp.from(now));
    }

    List<InhabitantsRow> inhabitants(UUID municipalityId) {
        return query("""
                SELECT area_id, wijk_id, figure_year, inhabitants, households, demo FROM monitor_inhabitants
                WHERE municipality_id = ?""", rows -> {
            int households = rows.getInt("households");
            boolean noHouseholds = rows.wasNull();
            return new InhabitantsRow(UUID.fromString(rows.getString("area_id")), UUID.fromString(rows.getString("wijk_id")),
                    rows.getInt("figure_year"), rows.getInt("inhabitants"), noHouseholds ? null : households,
                    rows.getBoolean("demo"));
        }, municipalityId.toString());
    }

    void putTarget(UUID municipalityId, TargetIndicator indicator, LocalDate startDate, Comparison comparison,
                   BigDecimal percent, Instant now) {
        update("""
                INSERT INTO monitor_target (municipality_id, indicator, start_date, comparison, target_percent, set_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE comparison = VALUES(comparison), target_percent = VALUES(target_percent),
                    set_at = VALUES(set_at)""",
                municipalityId.toString(), indicator.name(), Date.valueOf(startDate), comparison.name(), percent,
                Timestamp.from(now));
    }

    /** A municipality's targets, by indicator and then start date. */
    List<TargetRow> targets(UUID municipalityId) {
        return query("""
                SELECT indicator, start_date, comparison, target_percent FROM monitor_target
                WHERE municipality_id = ? ORDER BY indicator, start_date""",
                rows -> new TargetRow(TargetIndicator.valueOf(rows.getString(1)), rows.getDate(2).toLocalDate(),
                        Comparison.valueOf(rows.getString(3)), rows.getBigDecimal(4)),
                municipalityId.toString());
    }

    /**
     * Makes sure the refresh row exists, before the row is locked. A plain read first: an
     * {@code INSERT IGNORE} of a row that exists would wait for the lock of the instance refreshing.
     */
    void ensureRefreshRow(UUID municipalityId) {
        if (!query("SELECT 1 FROM monitor_refresh WHERE municipality_id = ?", rows -> true,
                municipalityId.toString()).isEmpty()) {
            return;
        }
        update("INSERT IGNORE INTO monitor_refresh (municipality_id, refreshed_at) VALUES (?, NULL)",
                municipalityId.toString());
    }

    /**
     * Locks the municipality's refresh row unless another instance holds it: empty then; otherwise
     * when it was last refreshed (empty inside when never).
     */
    Optional<Optional<Instant>> lockRefresh(UUID municipalityId) {
        List<Optional<Instant>> rows = query(
                "SELECT refreshed_at FROM monitor_refresh WHERE municipality_id = ? FOR UPDATE SKIP LOCKED",
                result -> Optional.ofNullable(result.getTimestamp(1)).map(Timestamp::toInstant),
                municipalityId.toString());
        return rows.stream().findFirst();
    }

    void markRefreshed(UUID municipalityId, Instant now) {
        update("UPDATE monitor_refresh SET refreshed_at = ? WHERE municipality_id = ?", Timestamp.from(now),
                municipalityId.toString());
    }

    Map<LocalDate, QuarterRow> quarters(UUID municipalityId, Collection<LocalDate> starts) {
        Map<LocalDate, QuarterRow> quarters = new HashMap<>();
        query("SELECT quarter_start, computed_at, is_final FROM monitor_quarter WHERE municipality_id = ?"
                        + " AND quarter_start IN (" + placeholders(starts.size()) + ")",
                rows -> new QuarterRow(rows.getDate(1).toLocalDate(), rows.getTimestamp(2).toInstant(), rows.getBoolean(3)),
                params(municipalityId, starts)).forEach(row -> quarters.put(row.start(), row));
        return quarters;
    }

    /** Replaces the figures of a quarter. */
    void writeQuarter(UUID municipalityId, LocalDate start, Instant computedAt, boolean complete, List<FigureRow> figures) {
        update("""
                INSERT INTO monitor_quarter (municipality_id, quarter_start, computed_at, is_final) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE computed_at = VALUES(computed_at), is_final = VALUES(is_final)""",
                municipalityId.toString(), Date.valueOf(start), Timestamp.from(computedAt), complete);
        update("DELETE FROM monitor_figure WHERE municipality_id = ? AND quarter_start = ?",
                municipalityId.toString(), Date.valueOf(start));
        jdbc.prepareStatement("""
                INSERT INTO monitor_figure (municipality_id, quarter_start, wijk_id, area_id, figure, amount)
                VALUES (?, ?, ?, ?, ?, ?)""", statement -> {
            for (FigureRow figure : figures) {
                statement.setString(1, municipalityId.toString());
                statement.setDate(2, Date.valueOf(start));
                statement.setString(3, figure.wijkId().toString());
                statement.setString(4, figure.areaId().toString());
                statement.setString(5, figure.figure());
                statement.setLong(6, figure.amount());
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
    }

    List<FigureRow> figures(UUID municipalityId, Collection<LocalDate> starts) {
        return query("SELECT quarter_start, wijk_id, area_id, figure, amount FROM monitor_figure WHERE municipality_id = ?"
                        + " AND quarter_start IN (" + placeholders(starts.size()) + ")",
                rows -> new FigureRow(rows.getDate(1).toLocalDate(), UUID.fromString(rows.getString(2)),
                        UUID.fromString(rows.getString(3)), rows.getString(4), rows.getLong(5)),
                params(municipalityId, starts));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static Object[] params(UUID municipalityId, Collection<LocalDate> starts) {
        List<Object> params = new ArrayList<>();
        params.add(municipalityId.toString());
        starts.forEach(start -> params.add(Date.valueOf(start)));
        return params.toArray();
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, RowReader<T> reader, Object... params) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
            }
            return result;
        });
    }

    private void update(String sql, Object... params) {
        jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            return statement.executeUpdate();
        });
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                statement.setNull(i + 1, Types.INTEGER);
            } else {
                statement.setObject(i + 1, params[i]);
            }
        }
    }
}
