package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.paging.CursorKey;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes that span several rows or tables: the list of tables with any combination of
 * filters (a range of the index its most selective filter leads, soonest first), the residents of a
 * wijk who asked to hear of new tables, the announcements still to send, and the wish to hear of them.
 */
@Singleton
class DialoogtafelQueries {

    /** A new table still being announced, and the last resident it was announced to. */
    record Announcement(UUID dialoogtafelId, @Nullable UUID afterAccountId) {
    }

    private final JdbcOperations jdbc;

    DialoogtafelQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Tables starting at or after {@code from} (and before {@code to}), soonest first with ties by id,
     * as a range of the index of the buurt, the wijk, the theme or the start, whichever is given first.
     */
    @Transactional
    List<Dialoogtafel> page(DialoogtafelListQuery query, Instant from, Optional<CursorKey> after, int fetchSize) {
        StringBuilder sql = new StringBuilder("SELECT t.* FROM dialoogtafel t FORCE INDEX (");
        List<Object> params = new ArrayList<>();
        if (query.buurt() != null) {
            sql.append("ix_dialoogtafel_buurt) WHERE t.buurt_id = ?");
            params.add(query.buurt().toString());
        } else if (query.wijk() != null) {
            sql.append("ix_dialoogtafel_wijk) WHERE t.wijk_id = ?");
            params.add(query.wijk().toString());
        } else if (query.theme() != null) {
            sql.append("ix_dialoogtafel_theme) WHERE t.theme = ?");
            params.add(query.theme().name());
        } else {
            sql.append("ix_dialoogtafel_start) WHERE 1 = 1");
        }
        if (query.buurt() != null && query.wijk() != null) {
            sql.append(" AND t.wijk_id = ?");
            params.add(query.wijk().toString());
        }
        if (query.theme() != null && (query.buurt() != null || query.wijk() != null)) {
            sql.append(" AND t.theme = ?");
            params.add(query.theme().name());
        }
        sql.append(" AND t.starts_at >= ?");
        params.add(Timestamp.from(from));
        if (query.to() != null) {
            sql.append(" AND t.starts_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        after.ifPresent(key -> {
            Timestamp start = Timestamp.from(key.instant(0));
            sql.append(" AND t.starts_at >= ? AND (t.starts_at > ? OR (t.starts_at = ? AND t.id > ?))");
            params.add(start);
            params.add(start);
            params.add(start);
            params.add(key.text(1));
        });
        sql.append(" ORDER BY t.starts_at, t.id LIMIT ?");
        params.add(fetchSize);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            bind(statement, params);
            List<Dialoogtafel> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(jdbc.readEntity(result, Dialoogtafel.class));
                }
            }
            return rows;
        });
    }

    /**
     * Up to {@code limit} active residents living in {@code wijkId} who asked to hear of new tables,
     * after {@code after} in the order of their ids.
     */
    @Transactional
    List<UUID> alertedIn(UUID wijkId, @Nullable UUID after, int limit) {
        String sql = """
                SELECT al.account_id FROM dialoogtafel_alert al
                JOIN account a ON a.id = al.account_id AND a.status = 'ACTIVE'
                JOIN buurt b ON b.id = a.buurt_id AND b.wijk_id = ?
                WHERE al.account_id > ? ORDER BY al.account_id LIMIT ?""";
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, wijkId.toString());
            statement.setString(2, after == null ? "" : after.toString());
            statement.setInt(3, limit);
            List<UUID> people = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    people.add(UUID.fromString(result.getString(1)));
                }
            }
            return people;
        });
    }

    @Transactional
    void announceLater(UUID dialoogtafelId, Instant now) {
        jdbc.prepareStatement("INSERT INTO dialoogtafel_announcement (dialoogtafel_id, created_at) VALUES (?, ?)",
                statement -> {
                    statement.setString(1, dialoogtafelId.toString());
                    statement.setTimestamp(2, Timestamp.from(now));
                    return statement.executeUpdate();
                });
    }

    /** The oldest announcement no other server is working on, locked until the caller's transaction ends. */
    @Transactional
    Optional<Announcement> claimAnnouncement() {
        String sql = """
                SELECT dialoogtafel_id, after_account_id FROM dialoogtafel_announcement
                ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""";
        return jdbc.prepareStatement(sql, statement -> {
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.<Announcement>empty();
                }
                String after = result.getString(2);
                return Optional.of(new Announcement(UUID.fromString(result.getString(1)),
                        after == null ? null : UUID.fromString(after)));
            }
        });
    }

    @Transactional
    void announcedUpTo(UUID dialoogtafelId, UUID accountId) {
        jdbc.prepareStatement("UPDATE dialoogtafel_announcement SET after_account_id = ? WHERE dialoogtafel_id = ?",
                statement -> {
                    statement.setString(1, accountId.toString());
                    statement.setString(2, dialoogtafelId.toString());
                    return statement.executeUpdate();
                });
    }

    @Transactional
    void announced(UUID dialoogtafelId) {
        jdbc.prepareStatement("DELETE FROM dialoogtafel_announcement WHERE dialoogtafel_id = ?", statement -> {
            statement.setString(1, dialoogtafelId.toString());
            return statement.executeUpdate();
        });
    }

    @Transactional
    Optional<Instant> alertedSince(UUID accountId) {
        return jdbc.prepareStatement("SELECT created_at FROM dialoogtafel_alert WHERE account_id = ?", statement -> {
            statement.setString(1, accountId.toString());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
            }
        });
    }

    @Transactional
    void alert(UUID accountId, boolean on, Instant now) {
        String sql = on ? "INSERT IGNORE INTO dialoogtafel_alert (account_id, created_at) VALUES (?, ?)"
                : "DELETE FROM dialoogtafel_alert WHERE account_id = ?";
        jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, accountId.toString());
            if (on) {
                statement.setTimestamp(2, Timestamp.from(now));
            }
            return statement.executeUpdate();
        });
    }

    private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }
}
