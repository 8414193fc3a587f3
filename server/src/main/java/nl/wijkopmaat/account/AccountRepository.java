package nl.wijkopmaat.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AccountRepository extends CrudRepository<Account, UUID> {

    Optional<Account> findByEmail(String email);

    /** Changes to one account happen one after the other, never from a stale copy. */
    @Query("SELECT * FROM account WHERE id = :id FOR UPDATE")
    Optional<Account> findByIdForUpdate(UUID id);

    boolean existsByEmail(String email);

    /** The session epoch of an active account; empty for an erased or unknown one. */
    @Query("SELECT session_epoch FROM account WHERE id = :id AND status = 'ACTIVE'")
    Optional<Integer> findActiveSessionEpoch(UUID id);

    /** Ends every session at once: access tokens of an earlier epoch are refused. */
    @Query("UPDATE account SET session_epoch = session_epoch + 1 WHERE id = :id")
    void raiseSessionEpoch(UUID id);

    List<Account> findByIdIn(Collection<UUID> ids);

    @Query("""
            SELECT id FROM account WHERE verified_at IS NULL AND created_at < :before AND status = 'ACTIVE'
            ORDER BY created_at LIMIT :limit""")
    List<UUID> findUnverifiedCreatedBefore(Instant before, int limit);
}
