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

    @Query("DELETE FROM scheduled_notice WHERE notice_key = :key")
    int deleteByKey(String key);

    @Query("DELETE FROM scheduled_notice WHERE notice_key = :key AND recipient_id = :recipient")
    int deleteByKeyAndRecipient(String key, UUID recipient);

    /** {@code pattern} is a LIKE prefix pattern with its wildcards escaped: a range on the key index. */
    @Query("DELETE FROM scheduled_notice WHERE notice_key LIKE :pattern")
    int deleteByKeyPattern(String pattern);

    @Query("SELECT * FROM scheduled_notice WHERE notice_key LIKE :pattern ORDER BY due_at, notice_key, recipient_id")
    List<ScheduledNotice> findByKeyPattern(String pattern);

    @Query("SELECT * FROM scheduled_notice WHERE recipient_id = :recipient ORDER BY due_at")
    List<ScheduledNotice> findByRecipient(UUID recipient);

    @Query("DELETE FROM scheduled_notice WHERE recipient_id = :recipient")
    void deleteByRecipient(UUID recipient);
}
