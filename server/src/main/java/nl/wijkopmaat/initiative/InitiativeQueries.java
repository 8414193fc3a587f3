package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.paging.CursorKey;
import nl.wijkopmaat.common.paging.ListScope;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The initiative list: any combination of filters, newest first (order of arrival) or most supported
 * first, keyset pagination, and whether the viewer supports each row (a primary-key lookup per row),
 * in one statement per page.
 */
@Singleton
class InitiativeQueries {

    /** One row of a page: the initiative, its place in the order of arrival, and whether the viewer supports it. */
    record Row(Initiative initiative, long seq, boolean supportedByViewer) {
    }

    private final JdbcOperations jdbc;

    InitiativeQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    List<Row> page(InitiativeListQuery query, @Nullable UUID viewer, Optional<CursorKey> after, int fetchSize) {
        String viewerId = viewer == null ? null : viewer.toString();
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        // The viewer's supports are few: that list starts from them. Every other list is a range of
        // the index its filter and order lead; without the hint MariaDB may read the list from its start.
        if (query.onlySupportedByMe()) {
            sql.append("SELECT i.*, s.account_id AS supporter FROM initiative i")
                    .append(" JOIN initiative_support s ON s.initiative_id = i.id AND s.account_id = ?");
            params.add(nullable(viewerId));
        } else if (viewer != null) {
            // By primary key: the viewer's own index would read all their supports for every row.
            sql.append("SELECT i.*, s.account_id AS supporter FROM initiative i FORCE INDEX (").append(index(query)).append(")")
                    .append(" LEFT JOIN initiative_support s FORCE INDEX (PRIMARY) ON s.initiative_id = i.id AND s.account_id = ?");
            params.add(viewerId);
        } else {
            sql.append("SELECT i.*, NULL AS supporter FROM initiative i FORCE INDEX (").append(index(query)).append(")");
        }
        // Drafts are listed to their author only, among their own initiatives.
        if (query.onlyMine()) {
            sql.append(" WHERE i.author_id = ?");
            params.add(nullable(viewerId));
        } else {
            sql.append(" WHERE i.published = 1");
        }
        if (query.wijk() != null) {
            sql.append(" AND i.wijk_id = ?");
            params.add(query.wijk().toString());
        }
        if (query.buurt() != null) {
            sql.append(" AND i.buurt_id = ?");
            params.add(query.buurt().toString());
        }
        if (query.status() != null) {
            sql.append(" AND i.status = ?");
            params.add(query.status().name());
        }
        if (query.theme() != null) {
            sql.append(" AND i.theme = ?");
            params.add(query.theme().name());
        }
        if (query.onlyOwnedByMe()) {
            sql.append(" AND i.owner_id = ?");
            params.add(nullable(viewerId));
        }
        if (query.order() == InitiativeListQuery.Sort.SUPPORT) {
            after.ifPresent(key -> {
                // Counts tie, so the tie is named: the index (…, support_count, id) is scanned from this row on.
                sql.append(" AND i.support_count <= ? AND (i.support_count < ? OR (i.support_count = ? AND i.id < ?))");
                long count = key.number(0);
                params.addAll(List.of(count, count, count, key.uuid(1).toString()));
            });
            sql.append(" ORDER BY i.support_count DESC, i.id DESC");
        } else {
            after.ifPresent(key -> {
                sql.append(" AND i.seq < ?");
                params.add(key.number(0));
            });
            sql.append(" ORDER BY i.seq DESC");
        }
        sql.append(" LIMIT ?");
        params.add(fetchSize);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            bind(statement, params);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(jdbc.readEntity(result, Initiative.class), result.getLong("seq"),
                            result.getString("supporter") != null));
                }
            }
            return rows;
        });
    }

    /**
     * The index whose prefix is the most selective filter of the query, followed by the list's order
     * (see V8__initiative_list_indexes.sql); further filters are checked on the rows it yields.
     */
    private static String index(InitiativeListQuery query) {
        boolean bySupport = query.order() == InitiativeListQuery.Sort.SUPPORT;
        if (query.onlyOwnedByMe()) {
            return bySupport ? "ix_initiative_owner_support" : "ix_initiative_owner_seq";
        }
        if (query.onlyMine()) {
            return bySupport ? "ix_initiative_author_support" : "ix_initiative_author";
        }
        if (query.buurt() != null) {
            return bySupport ? "ix_initiative_buurt_support_list" : "ix_initiative_buurt_newest";
        }
        if (query.wijk() != null) {
            return bySupport ? "ix_initiative_wijk_support_list" : "ix_initiative_wijk_newest";
        }
        if (query.status() != null) {
            return bySupport ? "ix_initiative_status_support" : "ix_initiative_status_newest";
        }
        if (query.theme() != null) {
            return bySupport ? "ix_initiative_theme_support" : "ix_initiative_theme_newest";
        }
        return bySupport ? "ix_initiative_list_support" : "ix_initiative_list_newest";
    }

    /** The list a cursor belongs to: its filters and order, and the viewer, who may see own drafts. */
    static ListScope scope(InitiativeListQuery query, @Nullable UUID viewer) {
        return ListScope.of("initiatives", query.wijk(), query.buurt(), query.status(), query.theme(), query.onlyMine(),
                query.onlySupportedByMe(), query.onlyOwnedByMe(), query.order(), viewer);
    }

    static List<?> sortKey(Row row, InitiativeListQuery query) {
        Initiative initiative = row.initiative();
        return query.order() == InitiativeListQuery.Sort.SUPPORT
                ? List.of(initiative.supportCount(), initiative.id())
                : List.of(row.seq());
    }

    private static Object nullable(@Nullable String value) {
        return value == null ? NullParam.VARCHAR : value;
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value == NullParam.VARCHAR) {
                statement.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private enum NullParam { VARCHAR }
}
