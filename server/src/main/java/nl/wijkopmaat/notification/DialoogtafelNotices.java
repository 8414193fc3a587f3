package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.wijkopmaat.dialoogtafel.DialoogtafelEvent;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Who hears what about dialoogtafels, under the category dialoogtafels:
 * <ul>
 * <li>residents of the wijk who asked for it, when a new table is announced to them (in batches, by
 * a background job, never in the organiser's request);</li>
 * <li>a person promoted from the waiting list to a seat;</li>
 * <li>everyone registered or waitlisted when the time or place changed, or the table was cancelled;</li>
 * <li>the confirmed participants when the report is published.</li>
 * </ul>
 * Never the person who acted, one notice per person and event. A promotion, a change of time or place
 * and a cancellation also come by mail to those whose mail switch for dialoogtafels is on (the default),
 * for residents who use the portal and no app. Each confirmed participant also has a
 * reminder, under "reminders", at 18:00 Amsterdam time the day before the table starts, or at once when
 * that moment has passed: scheduled when they get their seat, moved when the time changes, withdrawn
 * when they cancel or the table is cancelled. Its key is {@code dialoogtafel:<id>:reminder:<personId>}.
 * Runs in the transaction that published the event.
 */
@Singleton
class DialoogtafelNotices {

    private static final String RESOURCE = "DIALOOGTAFEL";
    private static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);
    private static final LocalTime REMINDER_TIME = LocalTime.of(18, 0);

    private final NotificationService notifications;
    private final ScheduledNotices scheduled;
    private final MailOutbox mails;

    DialoogtafelNotices(NotificationService notifications, ScheduledNotices scheduled, MailOutbox mails) {
        this.notifications = notifications;
        this.scheduled = scheduled;
        this.mails = mails;
    }

    @EventListener
    void on(DialoogtafelEvent event) {
        switch (event.kind()) {
            case ANNOUNCED -> notify(event, "DIALOOGTAFEL_NEW", false);
            case CONFIRMED -> event.confirmedIds().forEach(person -> remind(event, person));
            case PROMOTED -> {
                notify(event, "DIALOOGTAFEL_PROMOTED", true);
                event.confirmedIds().forEach(person -> remind(event, person));
            }
            case UNREGISTERED -> event.recipientIds()
                    .forEach(person -> scheduled.withdraw(reminderKey(event.dialoogtafelId(), person)));
            case CHANGED -> {
                notify(event, "DIALOOGTAFEL_CHANGED", true);
                event.confirmedIds().forEach(person -> remind(event, person));
            }
            case CANCELLED -> {
                notify(event, "DIALOOGTAFEL_CANCELLED", true);
                scheduled.withdrawAll(reminderKeys(event.dialoogtafelId()));
            }
            case REPORT_PUBLISHED -> notify(event, "DIALOOGTAFEL_REPORT", false);
        }
    }

    /** Inbox and push; with {@code important} also a mail to those whose mail switch for dialoogtafels is on. */
    private void notify(DialoogtafelEvent event, String kind, boolean important) {
        Map<UUID, Notice> byRecipient = new LinkedHashMap<>();
        for (UUID recipient : event.recipientIds()) {
            if (!recipient.equals(event.actorId())) {
                byRecipient.putIfAbsent(recipient, new Notice(recipient, NotificationCategory.DIALOOGTAFELS, kind,
                        RESOURCE, event.dialoogtafelId(), args(event)));
            }
        }
        notifications.notify(byRecipient.values());
        if (important) {
            mails.enqueue(byRecipient.values());
        }
    }

    /** The reminder of one participant for the table as it is now. */
    private void remind(DialoogtafelEvent event, UUID person) {
        Instant at = reminderMoment(event.startsAt());
        scheduled.schedule(reminderKey(event.dialoogtafelId(), person), at.isAfter(event.occurredAt()) ? at : event.occurredAt(),
                List.of(new Notice(person, NotificationCategory.REMINDERS, "DIALOOGTAFEL_REMINDER", RESOURCE,
                        event.dialoogtafelId(), args(event))));
    }

    /** 18:00 Amsterdam time on the day before the table starts there. */
    static Instant reminderMoment(Instant startsAt) {
        return startsAt.atZone(MUNICIPAL_TIME).toLocalDate().minusDays(1).atTime(REMINDER_TIME)
                .atZone(MUNICIPAL_TIME).toInstant();
    }

    static String reminderKey(UUID dialoogtafelId, UUID person) {
        return reminderKeys(dialoogtafelId) + ":" + person;
    }

    private static String reminderKeys(UUID dialoogtafelId) {
        return "dialoogtafel:" + dialoogtafelId + ":reminder";
    }

    private static Map<String, String> args(DialoogtafelEvent event) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("title", event.title());
        args.put("start", DUTCH.format(event.startsAt().atZone(MUNICIPAL_TIME)));
        args.put("startEn", ENGLISH.format(event.startsAt().atZone(MUNICIPAL_TIME)));
        args.put("place", placeOf(event.place()));
        return args;
    }

    private static String placeOf(@Nullable String place) {
        return place == null ? "" : place;
    }
}
