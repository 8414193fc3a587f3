package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
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
interface DeviceRepository extends CrudRepository<Device, UUID> {

    /**
     * Inserts the token, or updates the device that has it: the unique key on the token decides,
     * so parallel registrations of a new token never lock a row that does not exist yet. A token
     * that comes from another account gets the new id and creation time (it becomes a new device);
     * the id and creation time are assigned before the account changes, as MySQL and MariaDB
     * evaluate the assignments from left to right.
     */
    @Query("""
            INSERT INTO device (id, account_id, token, token_hash, platform, locale, app_version, created_at, updated_at)
            VALUES (:id, :accountId, :token, :tokenHash, :platform, :locale, :appVersion, :now, :now)
            ON DUPLICATE KEY UPDATE
              id = IF(account_id = :accountId, id, :id),
              created_at = IF(account_id = :accountId, created_at, :now),
              account_id = :accountId, platform = :platform, locale = :locale, app_version = :appVersion,
              updated_at = :now""")
    void upsert(UUID id, UUID accountId, String token, String tokenHash, String platform, String locale,
                @Nullable String appVersion, Instant now);

    /** A locking read: it sees the row as the last upsert left it, whichever transaction made it. */
    @Query("SELECT * FROM device WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<Device> findByTokenHashForUpdate(String tokenHash);

    @Query("SELECT account_id FROM device WHERE token_hash = :tokenHash")
    Optional<String> findOwner(String tokenHash);

    /** Keeps the account's newest devices; a derived table, since MySQL takes no LIMIT in an IN subquery. */
    @Query("""
            DELETE FROM device WHERE account_id = :accountId AND id NOT IN (
              SELECT id FROM (SELECT id FROM device WHERE account_id = :accountId
                              ORDER BY id = :newestId DESC, created_at DESC, id DESC LIMIT :keep) newest)""")
    int deleteBeyondNewest(UUID accountId, UUID newestId, int keep);

    @Query("DELETE FROM device WHERE id = :id AND account_id = :accountId")
    int deleteOwn(UUID id, UUID accountId);

    List<Device> findByAccountIdIn(Collection<UUID> accountIds);

    List<Device> findByAccountId(UUID accountId);

    void deleteByAccountId(UUID accountId);

    void deleteByTokenHash(String tokenHash);
}
