package nl.wijkopmaat.notification;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
     *
     * <p>What is there is found by a plain read and removed by primary key, and the new notices are
     * upserted: no statement here locks a range of keys, which would make requests scheduling
     * different new keys deadlock on each other's inserts. The feature's own lock on what the
     * notices are about keeps two changes of one key apart.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void schedule(String key, Instant at, Collection<Notice> notices) {
        Set<UUID> recipients = notices.stream().map(Notice::recipient).collect(Collectors.toSet());
        remove(scheduled.findByNoticeKey(key).stream().filter(notice -> !recipients.contains(notice.recipientId())));
        Instant now = clock.instant();
        for (Notice notice : notices) {
            scheduled.upsert(UUID.randomUUID(), key, notice.recipient(), at, notice.category().name(), notice.kind(),
                    notice.message(), texts.encode(notice.args()), notice.resourceType(), notice.resourceId(), now);
        }
    }

    /** Withdraws what is scheduled under {@code key}, for every recipient. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void withdraw(String key) {
        remove(scheduled.findByNoticeKey(key).stream());
    }

    /** Withdraws what is scheduled under {@code key} for one recipient. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void withdraw(String key, UUID recipient) {
        remove(scheduled.findByNoticeKey(key).stream().filter(notice -> notice.recipientId().equals(recipient)));
    }

    /** Withdraws everything scheduled under a key that starts with {@code keyPrefix}. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void withdrawAll(String keyPrefix) {
        remove(scheduled.findByKeyPattern(startingWith(keyPrefix)).stream());
    }

    /** Deletes by primary key: record locks on the rows that exist, none on the gaps between keys. */
    private void remove(Stream<ScheduledNotice> notices) {
        List<UUID> ids = notices.map(ScheduledNotice::id).toList();
        if (!ids.isEmpty()) {
            scheduled.deleteByIds(ids);
        }
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
