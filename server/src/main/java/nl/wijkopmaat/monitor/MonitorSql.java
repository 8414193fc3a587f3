package nl.wijkopmaat.monitor;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The two shapes of a contributor's statement, so each feature writes only its SQL. */
public final class MonitorSql {

    private MonitorSql() {
    }

    /** The ids in the first column of every row: the people of a statement. */
    public static Set<UUID> ids(JdbcOperations jdbc, String sql, Object... params) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(UUID.fromString(rows.getString(1)));
                }
            }
            return ids;
        });
    }

    /** A wijk id and a number per row, as a {@code GROUP BY wijk_id} gives them. */
    public static Map<UUID, Long> perWijk(JdbcOperations jdbc, String sql, Object... params) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            Map<UUID, Long> counts = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.merge(UUID.fromString(rows.getString(1)), rows.getLong(2), Long::sum);
                }
            }
            return counts;
        });
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
