package nl.wijkopmaat.notification;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Lets tests of every feature see and release scheduled notices the way the scheduled job does. */
@Singleton
public class Reminders {

    /** One scheduled notice as a test sees it. */
    public record Pending(String key, UUID recipient, Instant dueAt, String kind) {
    }

    private final ScheduledNoticeDispatcher dispatcher;
    private final ScheduledNotices notices;

    Reminders(ScheduledNoticeDispatcher dispatcher, ScheduledNotices notices) {
        this.dispatcher = dispatcher;
        this.notices = notices;
    }

    /** Releases everything due now into inboxes and the push outbox; returns how many notices. */
    public int releaseDue() {
        return dispatcher.drain();
    }

    /** What is scheduled under keys starting with {@code keyPrefix}, soonest first. */
    @Transactional
    public List<Pending> pending(String keyPrefix) {
        return notices.pending(keyPrefix).stream()
                .map(notice -> new Pending(notice.noticeKey(), notice.recipientId(), notice.dueAt(), notice.kind()))
                .toList();
    }

    @Transactional
    public void schedule(String key, Instant at, Collection<Notice> scheduled) {
        notices.schedule(key, at, scheduled);
    }

    /** Schedules under {@code key} and then, in the same transaction, schedules again in its place. */
    @Transactional
    public void scheduleTwice(String key, Instant at, Collection<Notice> first, Collection<Notice> second) {
        notices.schedule(key, at, first);
        notices.schedule(key, at, second);
    }

    @Transactional
    public void withdraw(String key) {
        notices.withdraw(key);
    }

    @Transactional
    public void withdraw(String key, UUID recipient) {
        notices.withdraw(key, recipient);
    }

    @Transactional
    public void withdrawAll(String keyPrefix) {
        notices.withdrawAll(keyPrefix);
    }
}
