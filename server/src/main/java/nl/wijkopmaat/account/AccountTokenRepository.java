package nl.wijkopmaat.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AccountTokenRepository extends CrudRepository<AccountToken, String> {

    /** The row exists (its hash is the primary key) or nothing is locked: no gap lock on a missing row matters here. */
    @Query("SELECT * FROM account_token WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<AccountToken> findForUpdate(String tokenHash);

    @Query("UPDATE account_token SET used_at = :now WHERE account_id = :accountId AND purpose = :purpose AND used_at IS NULL")
    void useAllOf(UUID accountId, String purpose, Instant now);

    List<AccountToken> findByAccountIdOrderByCreatedAt(UUID accountId);

    @Query("DELETE FROM account_token WHERE account_id = :accountId")
    void deleteOf(UUID accountId);

    @Query("DELETE FROM account_token WHERE expires_at < :before")
    int deleteExpiredBefore(Instant before);
}
