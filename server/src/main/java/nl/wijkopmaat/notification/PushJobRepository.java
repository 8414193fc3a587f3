package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PushJobRepository extends CrudRepository<PushJob, UUID> {

    /**
     * A claimed job with what its message needs, read in one statement per batch: the texts as
     * message code and arguments, rendered in the device's language when sent.
     */
    @Introspected
    record Outgoing(String jobId, int attempts, String accountId, @Nullable String token, @Nullable String locale,
                    String notificationId, String kind, @Nullable String messageKey, @Nullable String messageArgs,
                    @Nullable String title, @Nullable String body, String resourceType, String resourceId) {
    }

    /**
     * Jobs whose claimer's lease ran out (it died or hung). Each of these two claim queries walks
     * its own index, so it locks only the rows it returns, and SKIP LOCKED lets several server
     * instances claim side by side.
     */
    @Query("""
            SELECT id FROM push_job WHERE status = 'CLAIMED' AND lease_until < :now
            ORDER BY lease_until LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<String> lockExpiredLeases(Instant now, int limit);

    /** Pending jobs that are due, the longest waiting first. */
    @Query("""
            SELECT id FROM push_job WHERE status = 'PENDING' AND not_before <= :now
            ORDER BY not_before LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<String> lockDue(Instant now, int limit);

    /** Claiming counts as an attempt: a job whose outcome is never recorded still dies in the end. */
    @Query("""
            UPDATE push_job SET status = 'CLAIMED', claimed_by = :instance, lease_until = :leaseUntil, attempts = attempts + 1
            WHERE id IN (:ids)""")
    void claim(Collection<String> ids, String instance, Instant leaseUntil);

    @Query("""
            SELECT j.id AS job_id, j.attempts, n.account_id, d.token, d.locale, n.id AS notification_id, n.kind,
                   n.message_key, n.message_args, n.title, n.body, n.resource_type, n.resource_id
            FROM push_job j JOIN notification n ON n.id = j.notification_id
            LEFT JOIN device d ON d.id = j.device_id AND d.account_id = n.account_id
            WHERE j.id IN (:ids)""")
    List<Outgoing> outgoing(Collection<String> ids);

    @Query("""
            UPDATE push_job SET status = 'PENDING', not_before = :retryAt, last_error = :error,
                   lease_until = NULL, claimed_by = NULL
            WHERE id = :id AND claimed_by = :instance""")
    void retryLater(String id, Instant retryAt, String error, String instance);

    @Query("DELETE FROM push_job WHERE notification_id IN (SELECT id FROM notification WHERE account_id = :accountId)")
    void deleteForRecipient(UUID accountId);

    /** Finished jobs are kept a while to answer "did my push go out?", then removed. */
    @Query("DELETE FROM push_job WHERE status IN ('SENT', 'DEAD') AND finished_at < :before")
    int deleteFinishedBefore(Instant before);

    @Query("""
            UPDATE push_job SET status = 'DEAD', last_error = :error, finished_at = :now,
                   lease_until = NULL
            WHERE id = :id AND claimed_by = :instance""")
    void markDead(String id, String error, Instant now, String instance);
}
