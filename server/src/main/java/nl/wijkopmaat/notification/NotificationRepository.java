package nl.wijkopmaat.notification;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface NotificationRepository extends CrudRepository<Notification, UUID> {

    @Query("SELECT * FROM notification WHERE account_id = :accountId ORDER BY seq DESC LIMIT :limit")
    List<Notification> firstPage(UUID accountId, int limit);

    /**
     * The hint keeps MariaDB on a range from the cursor's row: it otherwise prefers a ref on the
     * prefix and reads the list from its start.
     */
    @Query("""
            SELECT * FROM notification FORCE INDEX (ix_notification_inbox)
            WHERE account_id = :accountId AND seq < :afterSeq
            ORDER BY seq DESC LIMIT :limit""")
    List<Notification> pageAfter(UUID accountId, long afterSeq, int limit);

    long countByAccountIdAndReadAtIsNull(UUID accountId);

    Optional<Notification> findByIdAndAccountId(UUID id, UUID accountId);

    @Query("UPDATE notification SET read_at = :now WHERE id = :id AND read_at IS NULL")
    void markRead(UUID id, Instant now);

    @Query("UPDATE notification SET read_at = :now WHERE account_id = :accountId AND read_at IS NULL")
    int markAllRead(UUID accountId, Instant now);

    /** The whole inbox in order of arrival (times alone may tie). */
    @Query("SELECT * FROM notification WHERE account_id = :accountId ORDER BY seq")
    List<Notification> inboxOf(UUID accountId);

    void deleteByAccountId(UUID accountId);
}
