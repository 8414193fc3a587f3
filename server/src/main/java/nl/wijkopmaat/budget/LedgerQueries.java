package nl.wijkopmaat.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.paging.CursorKey;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the ledger with who made each entry, in one statement per page, oldest first. Each list is
 * a range of its own index from the cursor's row on; the hints keep MariaDB from preferring a ref
 * on the index prefix, which reads the list from its start.
 */
@Singleton
class LedgerQueries {

    /** An entry and the person who made it, null for the system or an erased account. */
    record Row(LedgerEntry entry, @Nullable UUID actorId) {
    }

    /** Which entries a list holds, and the index that serves it. */
    record Filter(String index, String where, List<Object> params) {

        static Filter year(UUID budgetId) {
            return new Filter("ix_budget_entry_budget", "e.budget_id = ?", List.of(budgetId.toString()));
        }

        static Filter yearOfType(UUID budgetId, EntryType type) {
            return new Filter("ix_budget_entry_budget_type", "e.budget_id = ? AND e.entry_type = ?",
                    List.of(budgetId.toString(), type.name()));
        }

        static Filter grantOfType(UUID grantId, EntryType type) {
            return new Filter("ix_budget_entry_grant_type", "e.grant_id = ? AND e.entry_type = ?",
                    List.of(grantId.toString(), type.name()));
        }
    }

    private final JdbcOperations jdbc;

    LedgerQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    List<Row> page(Filter filter, Optional<CursorKey> after, int fetchSize) {
        List<Object> params = new ArrayList<>(filter.params());
        StringBuilder sql = new StringBuilder(select(filter.index())).append(" WHERE ").append(filter.where());
        after.ifPresent(key -> {
            sql.append(" AND e.seq > ?");
            params.add(key.number(0));
        });
        sql.append(" ORDER BY e.seq LIMIT ?");
        params.add(fetchSize);
        return rows(sql.toString(), params);
    }

    /** The whole ledger of a year, for its CSV. */
    @Transactional
    List<Row> all(UUID budgetId) {
        Filter filter = Filter.year(budgetId);
        return rows(select(filter.index()) + " WHERE " + filter.where() + " ORDER BY e.seq", filter.params());
    }

    /** What a person booked, for their data export. */
    @Transactional
    List<Row> actedBy(UUID accountId) {
        return rows("""
                SELECT e.*, a.actor_id FROM budget_entry_actor a JOIN budget_entry e ON e.id = a.entry_id
                WHERE a.actor_id = ? ORDER BY e.seq""", List.of(accountId.toString()));
    }

    private static String select(String index) {
        return "SELECT e.*, a.actor_id FROM budget_entry e FORCE INDEX (" + index + ")"
                + " LEFT JOIN budget_entry_actor a ON a.entry_id = e.id";
    }

    private List<Row> rows(String sql, List<Object> params) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String actor = result.getString("actor_id");
                    rows.add(new Row(jdbc.readEntity(result, LedgerEntry.class), actor == null ? null : UUID.fromString(actor)));
                }
            }
            return rows;
        });
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }
}
