package nl.wijkopmaat.initiative;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Draagvlak rows: (initiative, account) pairs; the primary key allows one per person. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SupportRepository extends GenericRepository<Initiative, UUID> {

    /** Returns 1 when this is a new support, 0 when the person already supported it. */
    @Query("INSERT IGNORE INTO initiative_support (initiative_id, account_id, supported_at) VALUES (:initiativeId, :accountId, :now)")
    int add(UUID initiativeId, UUID accountId, Instant now);

    @Query("DELETE FROM initiative_support WHERE initiative_id = :initiativeId AND account_id = :accountId")
    int remove(UUID initiativeId, UUID accountId);

    @Query("SELECT COUNT(*) > 0 FROM initiative_support WHERE initiative_id = :initiativeId AND account_id = :accountId")
    boolean exists(UUID initiativeId, UUID accountId);

    @Query("SELECT account_id FROM initiative_support WHERE initiative_id = :initiativeId")
    List<String> supporters(UUID initiativeId);

    @Query("SELECT initiative_id FROM initiative_support WHERE account_id = :accountId ORDER BY supported_at")
    List<String> supportedBy(UUID accountId);

    /** On erasure: the counts go down with the supports. */
    @Query("""
            UPDATE initiative i JOIN initiative_support s ON s.initiative_id = i.id
            SET i.support_count = i.support_count - 1 WHERE s.account_id = :accountId""")
    void uncountSupportsOf(UUID accountId);

    @Query("DELETE FROM initiative_support WHERE account_id = :accountId")
    void deleteSupportsOf(UUID accountId);
}
