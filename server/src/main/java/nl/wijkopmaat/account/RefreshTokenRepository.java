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
interface RefreshTokenRepository extends CrudRepository<RefreshToken, UUID> {

    @Query("SELECT * FROM refresh_token WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<RefreshToken> findForUpdate(String tokenHash);

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    @Query("UPDATE refresh_token SET rotated_at = :now WHERE id = :id")
    void markRotated(String id, Instant now);

    @Query("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(String familyId, Instant now);

    @Query("UPDATE refresh_token SET revoked_at = :now WHERE account_id = :accountId AND revoked_at IS NULL")
    int revokeAccount(String accountId, Instant now);

    List<RefreshToken> findByAccountIdOrderByCreatedAt(UUID accountId);

    @Query("DELETE FROM refresh_token WHERE expires_at < :before")
    int deleteExpiredBefore(Instant before);

    void deleteByAccountId(UUID accountId);
}
