package nl.wijkopmaat.notification;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ScheduledNoticeRepository extends CrudRepository<ScheduledNotice, UUID> {

    /**
     * Due notices, the longest waiting first. SKIP LOCKED lets several server instances release side
     * by side, each notice by one of them; the range on the due index locks only the rows it returns.
     */
    @Query("""
            SELECT * FROM scheduled_notice WHERE due_at <= :now
            ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<ScheduledNotice> lockDue(Instant now, int limit);

    @Query("DELETE FROM scheduled_notice WHERE id IN (:ids)")
    void deleteByIds(Collection<UUID> ids);

    List<ScheduledNotice> findByNoticeKey(String noticeKey);

    /**
     * Inserts the notice, or moves the one already there for this key and recipient. Unlike a
     * delete by key, it locks no gap of the key index, so requests scheduling new keys side by side
     * never wait for each other.
     */
    @Query("""
            INSERT INTO scheduled_notice (id, notice_key, recipient_id, due_at, category, kind, message_key,
                                          message_args, resource_type, resource_id, created_at)
            VALUES (:id, :noticeKey, :recipientId, :dueAt, :category, :kind, :messageKey, :messageArgs,
                    :resourceType, :resourceId, :createdAt)
            ON DUPLICATE KEY UPDATE due_at = VALUES(due_at), category = VALUES(category), kind = VALUES(kind),
                message_key = VALUES(message_key), message_args = VALUES(message_args),
                resource_type = VALUES(resource_type), resource_id = VALUES(resource_id)""")
    void upsert(UUID id, String noticeKey, UUID recipientId, Instant dueAt, String category, String kind,
                String messageKey, String messageArgs, String resourceType, UUID resourceId, Instant createdAt);

    @Query("SELECT * FROM scheduled_notice WHERE notice_key LIKE :pattern ORDER BY due_at, notice_key, recipient_id")
    List<ScheduledNotice> findByKeyPattern(String pattern);

    @Query("SELECT * FROM scheduled_notice WHERE recipient_id = :recipient ORDER BY due_at")
    List<ScheduledNotice> findByRecipient(UUID recipient);

    @Query("DELETE FROM scheduled_notice WHERE recipient_id = :recipient")
    void deleteByRecipient(UUID recipient);
}
