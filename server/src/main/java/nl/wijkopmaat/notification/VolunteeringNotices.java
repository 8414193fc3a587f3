package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.wijkopmaat.volunteering.VolunteeringEvent;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who hears what about volunteering, under the category volunteering:
 * <ul>
 * <li>the volunteers of a shift when its time or place changed, or when it was cancelled;</li>
 * <li>a volunteer when a coordinator confirmed their hours, or marked them as not having come;</li>
 * <li>residents of the wijk who asked to hear of new opportunities matching their skills, when one
 * is published.</li>
 * </ul>
 * Never the person who acted, one notice per person and event. Each volunteer of a shift also has
 * a reminder, under "reminders", at 18:00 Amsterdam time the day before it starts: scheduled when
 * they sign up (unless that moment has passed), moved when the shift's time changes, withdrawn when
 * they leave or the shift is cancelled. Its key is {@code volunteering:<shiftId>:reminder:<volunteerId>}.
 * Runs in the transaction that published the event.
 */
@Singleton
class VolunteeringNotices {

    private static final String OPPORTUNITY = "VOLUNTEER_OPPORTUNITY";
    private static final String SHIFT = "VOLUNTEER_SHIFT";
    private static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    private static final LocalTime REMINDER_TIME = LocalTime.of(18, 0);

    private final NotificationService notifications;
    private final ScheduledNotices scheduled;

    VolunteeringNotices(NotificationService notifications, ScheduledNotices scheduled) {
        this.notifications = notifications;
        this.scheduled = scheduled;
    }

    @EventListener
    void on(VolunteeringEvent event) {
        switch (event.kind()) {
            case OPPORTUNITY_PUBLISHED -> notify(event, event.interestedIds(), "VOLUNTEER_OPPORTUNITY_MATCH",
                    OPPORTUNITY, event.opportunityId());
            case SHIFT_CHANGED -> {
                notify(event, event.volunteerIds(), "VOLUNTEER_SHIFT_CHANGED", SHIFT, event.shiftId());
                event.volunteerIds().forEach(volunteer -> remind(event, volunteer));
            }
            case SHIFT_CANCELLED -> {
                notify(event, event.volunteerIds(), "VOLUNTEER_SHIFT_CANCELLED", SHIFT, event.shiftId());
                scheduled.withdrawAll(reminderKeys(event.shiftId()));
            }
            case HOURS_CONFIRMED -> notify(event, event.volunteerIds(),
                    event.minutes() == null ? "VOLUNTEER_NO_SHOW" : "VOLUNTEER_HOURS_CONFIRMED", SHIFT, event.shiftId());
            case SIGNED_UP -> event.volunteerIds().forEach(volunteer -> remind(event, volunteer));
            case LEFT -> event.volunteerIds().forEach(volunteer -> scheduled.withdraw(reminderKey(event.shiftId(), volunteer)));
        }
    }

    private void notify(VolunteeringEvent event, List<UUID> recipients, String kind, String resourceType,
                        @Nullable UUID resourceId) {
        Map<UUID, Notice> byRecipient = new LinkedHashMap<>();
        for (UUID recipient : recipients) {
            if (!recipient.equals(event.actorId())) {
                byRecipient.putIfAbsent(recipient, new Notice(recipient, NotificationCategory.VOLUNTEERING, kind,
                        resourceType, resourceId == null ? event.opportunityId() : resourceId, args(event)));
            }
        }
        notifications.notify(byRecipient.values());
    }

    /** The reminder of one volunteer for the shift as it is now; none once its moment has passed. */
    private void remind(VolunteeringEvent event, UUID volunteer) {
        String key = reminderKey(event.shiftId(), volunteer);
        Instant at = reminderMoment(Objects.requireNonNull(event.startsAt()));
        if (!at.isAfter(event.occurredAt())) {
            scheduled.withdraw(key);
            return;
        }
        scheduled.schedule(key, at, List.of(new Notice(volunteer, NotificationCategory.REMINDERS,
                "VOLUNTEER_SHIFT_REMINDER", SHIFT, Objects.requireNonNull(event.shiftId()), args(event))));
    }

    /** 18:00 Amsterdam time on the day before the shift starts there. */
    static Instant reminderMoment(Instant startsAt) {
        return startsAt.atZone(MUNICIPAL_TIME).toLocalDate().minusDays(1).atTime(REMINDER_TIME)
                .atZone(MUNICIPAL_TIME).toInstant();
    }

    static String reminderKey(@Nullable UUID shiftId, UUID volunteer) {
        return reminderKeys(shiftId) + ":" + volunteer;
    }

    private static String reminderKeys(@Nullable UUID shiftId) {
        return "volunteering:" + Objects.requireNonNull(shiftId) + ":reminder";
    }

    static Map<String, String> args(VolunteeringEvent event) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("title", event.opportunityTitle());
        if (event.startsAt() != null) {
            args.put("start", when(event.startsAt(), DUTCH));
            args.put("startEn", when(event.startsAt(), ENGLISH));
        }
        args.put("place", event.place() == null ? "" : event.place());
        if (event.minutes() != null) {
            args.put("hours", hours(event.minutes(), ','));
            args.put("hoursEn", hours(event.minutes(), '.'));
        }
        return args;
    }

    private static String when(Instant instant, DateTimeFormatter format) {
        return format.format(instant.atZone(MUNICIPAL_TIME));
    }

    /** Minutes as hours with at most two decimals: 90 is 1,5 in Dutch and 1.5 in English. */
    private static String hours(int minutes, char separator) {
        int whole = minutes / 60;
        int rest = minutes % 60;
        if (rest == 0) {
            return Integer.toString(whole);
        }
        String fraction = Integer.toString(rest * 100 / 60);
        fraction = fraction.length() == 1 ? "0" + fraction : fraction;
        fraction = fraction.endsWith("0") ? fraction.substring(0, 1) : fraction;
        return whole + String.valueOf(separator) + fraction;
    }
}
