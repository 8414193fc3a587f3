package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Push and mail switches per category and quiet hours; rows exist only where a person changed a default. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface PreferenceRepository extends GenericRepository<Notification, UUID> {

    /** A person's choices for one category; {@code mailEnabled} null where they kept the category's default. */
    @Introspected
    record PushSwitch(String accountId, String category, boolean pushEnabled, @Nullable Boolean mailEnabled) {

        boolean mails(NotificationCategory of) {
            return mailEnabled == null ? of.mailByDefault() : mailEnabled;
        }
    }

    @Introspected
    record StoredQuietHours(String accountId, String startsAt, String endsAt) {
    }

    @Query("""
            SELECT account_id, category, push_enabled, mail_enabled FROM notification_preference
            WHERE account_id IN (:accountIds)""")
    List<PushSwitch> switches(Collection<UUID> accountIds);

    @Query("""
            INSERT INTO notification_preference (account_id, category, push_enabled) VALUES (:accountId, :category, :enabled)
            ON DUPLICATE KEY UPDATE push_enabled = :enabled""")
    void setPush(UUID accountId, String category, boolean enabled);

    @Query("""
            INSERT INTO notification_preference (account_id, category, push_enabled, mail_enabled)
            VALUES (:accountId, :category, :push, :mail)
            ON DUPLICATE KEY UPDATE push_enabled = :push, mail_enabled = :mail""")
    void setPushAndMail(UUID accountId, String category, boolean push, boolean mail);

    @Query("SELECT account_id, starts_at, ends_at FROM quiet_hours WHERE account_id IN (:accountIds)")
    List<StoredQuietHours> quietHours(Collection<UUID> accountIds);

    @Query("""
            INSERT INTO quiet_hours (account_id, starts_at, ends_at) VALUES (:accountId, :startsAt, :endsAt)
            ON DUPLICATE KEY UPDATE starts_at = :startsAt, ends_at = :endsAt""")
    void setQuietHours(UUID accountId, String startsAt, String endsAt);

    @Query("DELETE FROM notification_preference WHERE account_id = :accountId")
    void deletePreferencesOf(UUID accountId);

    @Query("DELETE FROM quiet_hours WHERE account_id = :accountId")
    void deleteQuietHoursOf(UUID accountId);
}
