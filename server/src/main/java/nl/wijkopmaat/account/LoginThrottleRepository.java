package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LoginThrottleRepository extends GenericRepository<LoginThrottleState, String> {

    /**
     * Creates the row if missing and locks it exclusively either way (unlike INSERT IGNORE, whose shared
     * lock would let concurrent attempts for one email deadlock when they then lock for update).
     */
    @Query("""
            INSERT INTO login_throttle (email_hash, failures, window_start) VALUES (:emailHash, 0, :now)
            ON DUPLICATE KEY UPDATE email_hash = email_hash""")
    void ensureExists(String emailHash, Instant now);

    @Query("SELECT * FROM login_throttle WHERE email_hash = :emailHash")
    Optional<LoginThrottleState> find(String emailHash);

    @Query("SELECT * FROM login_throttle WHERE email_hash = :emailHash FOR UPDATE")
    Optional<LoginThrottleState> findForUpdate(String emailHash);

    @Query("""
            UPDATE login_throttle SET failures = :failures, window_start = :windowStart, locked_until = :lockedUntil
            WHERE email_hash = :emailHash""")
    void save(String emailHash, int failures, Instant windowStart, @Nullable Instant lockedUntil);

    @Query("DELETE FROM login_throttle WHERE email_hash = :emailHash")
    void clear(String emailHash);

    /** One statement, so that a success never locks a row that is not there (and its gap) first. */
    @Query("""
            DELETE FROM login_throttle WHERE email_hash = :emailHash
              AND (locked_until IS NULL OR locked_until <= :now)""")
    void clearUnlessLocked(String emailHash, Instant now);

    @Query("""
            DELETE FROM login_throttle WHERE window_start < :windowStartBefore
              AND (locked_until IS NULL OR locked_until < :now)""")
    int deleteStale(Instant windowStartBefore, Instant now);
}
