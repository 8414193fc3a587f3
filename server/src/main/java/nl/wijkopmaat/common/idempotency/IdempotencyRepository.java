package nl.wijkopmaat.common.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface IdempotencyRepository extends GenericRepository<IdempotencyRecord, UUID> {

    /**
     * Claims the key; returns 0 when it is already taken. A concurrent claim of the same key waits
     * here until the first request's transaction ends.
     */
    @Query("""
            INSERT IGNORE INTO idempotency_record (id, principal, idempotency_key, request_hash, created_at)
            VALUES (:id, :principal, :idempotencyKey, :requestHash, :createdAt)""")
    int claim(String id, String principal, String idempotencyKey, String requestHash, Instant createdAt);

    /**
     * A plain read: after {@link #claim} found the key taken, the first request has committed, and a
     * locking read here would make concurrent retries deadlock on the shared lock the claim took.
     */
    Optional<IdempotencyRecord> findByPrincipalAndIdempotencyKey(String principal, String idempotencyKey);

    @Query("""
            UPDATE idempotency_record SET status_code = :statusCode, response_body = :responseBody, location = :location
            WHERE id = :id""")
    void complete(String id, int statusCode, @Nullable String responseBody, @Nullable String location);

    List<IdempotencyRecord> findByPrincipalOrderByCreatedAt(String principal);

    /**
     * Forgets a person: their own keyed requests, and every stored response that names their
     * account, whoever sent the request (an admin assigning them a role, for instance).
     */
    @Query("""
            DELETE FROM idempotency_record WHERE principal = :accountId
               OR response_body LIKE CONCAT('%', :accountId, '%')""")
    void deleteFor(String accountId);

    @Query("DELETE FROM idempotency_record WHERE created_at < :before")
    int deleteCreatedBefore(Instant before);
}
