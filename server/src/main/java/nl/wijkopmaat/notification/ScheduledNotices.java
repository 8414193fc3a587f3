package nl.wijkopmaat.notification;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Notices for a later moment, such as reminders. A push job with a not-before time alone would show
 * in the inbox at once and could not be taken back; a scheduled notice becomes inbox items and push
 * jobs only at its time, and until then the feature that scheduled it can withdraw or move it by its
 * business key ({@code "<feature>:<id>:<what>"}, e.g. {@code "challenge:<id>:report:2"}).
 *
 * <p>Scheduling and withdrawing run inside the transaction of the change that causes them, so a
 * reminder is there exactly when that change committed.
 */
@Singleton
public class ScheduledNotices {

    private final ScheduledNoticeRepository scheduled;
    private final NotificationService notifications;
    private final NotificationTexts texts;
    private final Clock clock;

    ScheduledNotices(ScheduledNoticeRepository scheduled, NotificationService notifications, NotificationTexts texts,
                     Clock clock) {
        this.scheduled = scheduled;
        this.notifications = notifications;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Schedules {@code notices} for {@code at} under {@code key}, in place of whatever was scheduled
     * under it. A moment that has passed makes them due at once.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void schedule(String key, Instant at, Collection<Notice> notices) {
        scheduled.deleteByKey(key);
        Instant now = clock.instant();
        scheduled.saveAll(notices.stream()
                .map(notice -> new ScheduledNotice(UUID.randomUUID(), key, notice.recipient(), at, notice.category(),
                        notice.kind(), notice.message(), texts.encode(notice.args()), notice.resourceType(),
                        notice.resourceId(), now))
                .toList());
    }

    /** Withdraws what is scheduled under {@code key}, for every recipient. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void withdraw(String key) {
        scheduled.deleteByKey(key);
    }

    /** Withdraws what is scheduled under {@code key} for one recipient. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void withdraw(String key, UUID recipient) {
        scheduled.deleteByKeyAndRecipient(key, recipient);
    }

    /** Withdraws everything scheduled under a key that starts with {@code keyPrefix}. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void withdrawAll(String keyPrefix) {
        scheduled.deleteByKeyPattern(startingWith(keyPrefix));
    }

    /**
     * Turns due notices into inbox items and push jobs, a batch per transaction, and removes them in
     * the same transaction: each notice is delivered once, by one server instance. Returns how many.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    int releaseDue(int limit) {
        List<ScheduledNotice> due = scheduled.lockDue(clock.instant(), limit);
        if (due.isEmpty()) {
            return 0;
        }
        notifications.notify(due.stream()
                .map(notice -> new Notice(notice.recipientId(), notice.category(), notice.kind(), notice.messageKey(),
                        notice.resourceType(), notice.resourceId(), texts.decodeArgs(notice.messageArgs())))
                .toList());
        scheduled.deleteByIds(due.stream().map(ScheduledNotice::id).toList());
        return due.size();
    }

    List<ScheduledNotice> pending(String keyPrefix) {
        return scheduled.findByKeyPattern(startingWith(keyPrefix));
    }

    private static String startingWith(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
