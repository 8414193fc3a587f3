package nl.wijkopmaat.volunteering;

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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads that span several rows at once: the opportunity list with any combination of filters (a
 * range of the index its most selective filter leads, newest first), the skills, coordinators and
 * shifts of a page in one statement each, totals per opportunity, and where people live for
 * matching.
 */
@Singleton
class VolunteeringQueries {

    /** What a coordinator has confirmed for an opportunity so far. */
    record Totals(long confirmedMinutes, long volunteersPresent, long noShows) {
    }

    private final JdbcOperations jdbc;

    VolunteeringQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    List<Opportunity> page(OpportunityListQuery query, Optional<CursorKey> after, int fetchSize) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        String seq;
        if (query.skillTag() != null) {
            seq = "k.opportunity_seq";
            sql.append("SELECT o.* FROM volunteer_opportunity_skill k FORCE INDEX (ix_volunteer_opportunity_skill)")
                    .append(" JOIN volunteer_opportunity o ON o.id = k.opportunity_id WHERE k.skill = ?");
            params.add(query.skillTag());
            if (query.wijk() != null) {
                sql.append(" AND o.wijk_id = ?");
                params.add(query.wijk().toString());
            }
        } else if (query.wijk() != null) {
            seq = "o.seq";
            sql.append("SELECT o.* FROM volunteer_opportunity o FORCE INDEX (ix_volunteer_opportunity_wijk) WHERE o.wijk_id = ?");
            params.add(query.wijk().toString());
        } else {
            seq = "o.seq";
            sql.append("SELECT o.* FROM volunteer_opportunity o FORCE INDEX (uk_volunteer_opportunity_seq) WHERE 1 = 1");
        }
        if (query.from() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM volunteer_shift sh WHERE sh.opportunity_id = o.id")
                    .append(" AND sh.status = 'SCHEDULED' AND sh.starts_at >= ?)");
            params.add(Timestamp.from(query.from()));
        }
        after.ifPresent(key -> {
            sql.append(" AND ").append(seq).append(" < ?");
            params.add(key.number(0));
        });
        sql.append(" ORDER BY ").append(seq).append(" DESC LIMIT ?");
        params.add(fetchSize);
        return opportunities(sql.toString(), params);
    }

    /** The open opportunities of a municipality that the other filters let through, in no order. */
    @Transactional
    List<Opportunity> openIn(UUID municipalityId, OpportunityListQuery query) {
        StringBuilder sql = new StringBuilder("SELECT o.* FROM volunteer_opportunity o FORCE INDEX (ix_volunteer_opportunity_match)"
                + " WHERE o.municipality_id = ? AND o.status = 'OPEN'");
        List<Object> params = new ArrayList<>(List.of(municipalityId.toString()));
        if (query.wijk() != null) {
            sql.append(" AND o.wijk_id = ?");
            params.add(query.wijk().toString());
        }
        if (query.skillTag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM volunteer_opportunity_skill k WHERE k.opportunity_id = o.id AND k.skill = ?)");
            params.add(query.skillTag());
        }
        if (query.from() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM volunteer_shift sh WHERE sh.opportunity_id = o.id")
                    .append(" AND sh.status = 'SCHEDULED' AND sh.starts_at >= ?)");
            params.add(Timestamp.from(query.from()));
        }
        return opportunities(sql.toString(), params);
    }

    /** The skills of each opportunity, in one statement. */
    @Transactional
    Map<UUID, List<String>> skillsOf(Collection<UUID> opportunities) {
        return grouped("SELECT opportunity_id, skill FROM volunteer_opportunity_skill WHERE opportunity_id IN (%s) ORDER BY skill",
                opportunities);
    }

    @Transactional
    Map<UUID, List<String>> coordinatorsOf(Collection<UUID> opportunities) {
        return grouped("SELECT opportunity_id, account_id FROM volunteer_coordinator WHERE opportunity_id IN (%s) ORDER BY account_id",
                opportunities);
    }

    /** The starts of the shifts still to come of each opportunity. */
    @Transactional
    Map<UUID, List<Instant>> upcomingStarts(Collection<UUID> opportunities, Instant now) {
        Map<UUID, List<Instant>> starts = new HashMap<>();
        if (opportunities.isEmpty()) {
            return starts;
        }
        List<Object> params = new ArrayList<>(opportunities.stream().map(UUID::toString).toList());
        params.add(Timestamp.from(now));
        String sql = "SELECT opportunity_id, starts_at FROM volunteer_shift WHERE opportunity_id IN (" + marks(opportunities.size())
                + ") AND status = 'SCHEDULED' AND starts_at > ?";
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    starts.computeIfAbsent(UUID.fromString(result.getString(1)), id -> new ArrayList<>())
                            .add(result.getTimestamp(2).toInstant());
                }
            }
            return starts;
        });
    }

    /** Which of {@code shifts} the person holds a seat on. */
    @Transactional
    Set<UUID> heldBy(UUID accountId, Collection<UUID> shifts) {
        if (shifts.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>(List.of(accountId.toString()));
        shifts.forEach(shift -> params.add(shift.toString()));
        String sql = "SELECT shift_id FROM volunteer_signup WHERE account_id = ? AND shift_id IN (" + marks(shifts.size()) + ")";
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            Set<UUID> held = new LinkedHashSet<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    held.add(UUID.fromString(result.getString(1)));
                }
            }
            return held;
        });
    }

    @Transactional
    Totals totals(UUID opportunityId) {
        String sql = """
                SELECT COALESCE(SUM(CASE WHEN s.outcome = 'PRESENT' THEN s.minutes ELSE 0 END), 0),
                       COUNT(CASE WHEN s.outcome = 'PRESENT' THEN 1 END), COUNT(CASE WHEN s.outcome = 'NO_SHOW' THEN 1 END)
                FROM volunteer_shift sh JOIN volunteer_signup s ON s.shift_id = sh.id WHERE sh.opportunity_id = ?""";
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, opportunityId.toString());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new Totals(result.getLong(1), result.getLong(2), result.getLong(3));
            }
        });
    }

    /**
     * The wijk the person lives in: the wijk of the buurt they chose (account and geography are read
     * here, in one statement, rather than person by person).
     */
    @Transactional
    Optional<UUID> wijkOf(UUID accountId) {
        String sql = "SELECT b.wijk_id FROM account a JOIN buurt b ON b.id = a.buurt_id WHERE a.id = ?";
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, accountId.toString());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(UUID.fromString(result.getString(1))) : Optional.<UUID>empty();
            }
        });
    }

    /**
     * Residents of {@code wijkId} who asked to hear of new opportunities and have at least one of
     * {@code skills}: from the profiles with one of those skills, the ones living in the wijk.
     */
    @Transactional
    List<UUID> interestedIn(UUID wijkId, Collection<String> skills) {
        if (skills.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT DISTINCT p.account_id FROM volunteer_profile_skill ps"
                + " JOIN volunteer_profile p ON p.account_id = ps.account_id AND p.notify_matches = 1"
                + " JOIN account a ON a.id = p.account_id AND a.status = 'ACTIVE'"
                + " JOIN buurt b ON b.id = a.buurt_id AND b.wijk_id = ?"
                + " WHERE ps.skill IN (" + marks(skills.size()) + ") ORDER BY p.account_id";
        List<Object> params = new ArrayList<>(List.of(wijkId.toString()));
        params.addAll(skills);
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            List<UUID> people = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    people.add(UUID.fromString(result.getString(1)));
                }
            }
            return people;
        });
    }

    private List<Opportunity> opportunities(String sql, List<Object> params) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, params);
            List<Opportunity> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(jdbc.readEntity(result, Opportunity.class));
                }
            }
            return rows;
        });
    }

    private Map<UUID, List<String>> grouped(String template, Collection<UUID> ids) {
        Map<UUID, List<String>> values = new HashMap<>();
        if (ids.isEmpty()) {
            return values;
        }
        List<Object> params = ids.stream().map(id -> (Object) id.toString()).collect(Collectors.toList());
        return jdbc.prepareStatement(template.formatted(marks(ids.size())), statement -> {
            bind(statement, params);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.computeIfAbsent(UUID.fromString(result.getString(1)), id -> new ArrayList<>())
                            .add(result.getString(2));
                }
            }
            return values;
        });
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }
}
