package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.challenge.ChallengeListQuery.Awaiting;
import nl.wijkopmaat.common.paging.CursorKey;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The proposal lists, newest first: each a range of the index its most selective filter leads,
 * from the cursor's seq on. Drafts are listed only to their group, through "mine". The work queues
 * are ranges of (municipality or wijk, status); the few statuses of a queue are read side by side.
 */
@Singleton
class ChallengeQueries {

    /** A member of a group, their place in the order of joining, and since when. */
    record MemberRow(long seq, UUID accountId, Instant joinedAt) {
    }

    private final JdbcOperations jdbc;

    ChallengeQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of proposals. {@code viewer} is set for "mine"; {@code queueScope} is the municipality
     * (or for advice the wijk) of a work queue, already checked against the caller's roles.
     */
    @Transactional
    List<Challenge> page(ChallengeListQuery query, @Nullable UUID viewer, @Nullable UUID queueScope, Instant now,
                         LocalDate today, Optional<CursorKey> after, int fetchSize) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        String seq = "c.seq";
        if (query.onlyMine()) {
            seq = "m.challenge_seq";
            sql.append("SELECT c.* FROM challenge_member m FORCE INDEX (ix_challenge_member_account)")
                    .append(" JOIN challenge c ON c.id = m.challenge_id WHERE m.account_id = ?");
            params.add(String.valueOf(viewer));
        } else if (query.awaiting() != null) {
            queue(query.awaiting(), String.valueOf(queueScope), now, today, sql, params);
        } else if (query.wijk() != null) {
            sql.append("SELECT c.* FROM challenge c FORCE INDEX (")
                    .append(query.status() == null ? "ix_challenge_wijk_all" : "ix_challenge_wijk")
                    .append(") WHERE c.wijk_id = ?");
            params.add(query.wijk().toString());
        } else if (query.municipality() != null) {
            sql.append("SELECT c.* FROM challenge c FORCE INDEX (")
                    .append(query.status() == null ? "ix_challenge_municipality_all" : "ix_challenge_municipality")
                    .append(") WHERE c.municipality_id = ?");
            params.add(query.municipality().toString());
        } else if (query.status() != null) {
            sql.append("SELECT c.* FROM challenge c FORCE INDEX (ix_challenge_status) WHERE 1 = 1");
        } else {
            sql.append("SELECT c.* FROM challenge c FORCE INDEX (uk_challenge_seq) WHERE 1 = 1");
        }
        if (!query.onlyMine()) {
            sql.append(" AND c.status <> 'DRAFT'");
        }
        if (query.awaiting() != null || query.onlyMine()) {
            addFilter(sql, params, "c.wijk_id", query.wijk());
            addFilter(sql, params, "c.municipality_id", query.municipality());
        } else if (query.wijk() != null) {
            addFilter(sql, params, "c.municipality_id", query.municipality());
        }
        if (query.status() != null) {
            sql.append(" AND c.status = ?");
            params.add(query.status().name());
        }
        String bound = seq;
        after.ifPresent(key -> {
            sql.append(" AND ").append(bound).append(" < ?");
            params.add(key.number(0));
        });
        sql.append(" ORDER BY ").append(seq).append(" DESC LIMIT ?");
        params.add(fetchSize);
        return challenges(sql.toString(), params);
    }

    private static void queue(Awaiting awaiting, String scope, Instant now, LocalDate today, StringBuilder sql,
                              List<Object> params) {
        switch (awaiting) {
            case ELIGIBILITY -> {
                sql.append("SELECT c.* FROM challenge c FORCE INDEX (ix_challenge_municipality)")
                        .append(" WHERE c.municipality_id = ? AND c.status = 'INTAKE'");
                params.add(scope);
            }
            case ADVICE -> {
                sql.append("SELECT c.* FROM challenge c FORCE INDEX (ix_challenge_wijk)")
                        .append(" WHERE c.wijk_id = ? AND c.status = 'SUBMITTED'");
                params.add(scope);
            }
            case ASSESSMENT -> {
                sql.append("SELECT c.* FROM challenge c FORCE INDEX (ix_challenge_municipality)")
                        .append(" WHERE c.municipality_id = ? AND (c.status IN ('ADVISED', 'IN_ASSESSMENT')")
                        .append(" OR (c.status = 'SUBMITTED' AND c.advice_due_at <= ?))");
                params.add(scope);
                params.add(Timestamp.from(now));
            }
            case AGREEMENT -> {
                sql.append("SELECT c.* FROM challenge c FORCE INDEX (ix_challenge_municipality)")
                        .append(" WHERE c.municipality_id = ? AND c.status = 'ACCEPTED'")
                        .append(" AND NOT EXISTS (SELECT 1 FROM challenge_agreement a WHERE a.challenge_id = c.id)");
                params.add(scope);
            }
            case OVERDUE_REPORTS -> {
                sql.append("SELECT c.* FROM challenge c FORCE INDEX (ix_challenge_municipality)")
                        .append(" WHERE c.municipality_id = ? AND c.status = 'IN_EXECUTION'")
                        .append(" AND EXISTS (SELECT 1 FROM challenge_reporting_moment rm WHERE rm.challenge_id = c.id")
                        .append(" AND rm.due_date < ? AND NOT EXISTS (SELECT 1 FROM challenge_progress_report r")
                        .append(" WHERE r.challenge_id = rm.challenge_id AND r.moment = rm.due_date))");
                params.add(scope);
                params.add(Date.valueOf(today));
            }
        }
    }

    private static void addFilter(StringBuilder sql, List<Object> params, String column, @Nullable UUID value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value.toString());
        }
    }

    /** A page of a group in the order its members joined, from the cursor's member on. */
    @Transactional
    List<MemberRow> members(UUID challengeId, Optional<CursorKey> after, int fetchSize) {
        StringBuilder sql = new StringBuilder("SELECT seq, account_id, joined_at FROM challenge_member"
                + " FORCE INDEX (ix_challenge_member_joined) WHERE challenge_id = ?");
        List<Object> params = new ArrayList<>(List.of(challengeId.toString()));
        after.ifPresent(key -> {
            sql.append(" AND seq > ?");
            params.add(key.number(0));
        });
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(fetchSize);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            bind(statement, params);
            List<MemberRow> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new MemberRow(result.getLong(1), UUID.fromString(result.getString(2)),
                            result.getTimestamp(3).toInstant()));
                }
            }
            return rows;
        });
    }

    private List<Challenge> challenges(String sql, List<Object> params) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            List<Challenge> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(jdbc.readEntity(result, Challenge.class));
                }
            }
            return rows;
        });
    }

    private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }
}
