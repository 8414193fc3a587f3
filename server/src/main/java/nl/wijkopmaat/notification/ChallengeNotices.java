package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.wijkopmaat.account.AssignedRole;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.challenge.ChallengeAction;
import nl.wijkopmaat.challenge.ChallengeEvent;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Who hears what about Right to Challenge proposals, under the category Right to Challenge:
 * <ul>
 * <li>the members of the initiating group about every step on their proposal (not about edits);</li>
 * <li>the chair of the wijk's platform when a plan is submitted and waits for the platform's advice.</li>
 * </ul>
 * Never the person who acted, one notice per person and event. Each member also has a reminder,
 * under "reminders", a week before each reporting moment of the agreement, at 09:00 Amsterdam time
 * (at once when that moment has passed but the reporting moment has not): scheduled when the agreement
 * is recorded or corrected and when someone joins the group, withdrawn for a moment once its report
 * is in, and all withdrawn when the proposal ends. Keys are {@code challenge:<id>:report:<date>}.
 * Runs in the transaction that published the event.
 */
@Singleton
class ChallengeNotices {

    private static final String RESOURCE_TYPE = "CHALLENGE";
    private static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");
    private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final NotificationService notifications;
    private final ScheduledNotices scheduled;
    private final RoleAssignmentService roles;
    private final GeographyService geography;

    ChallengeNotices(NotificationService notifications, ScheduledNotices scheduled, RoleAssignmentService roles,
                     GeographyService geography) {
        this.notifications = notifications;
        this.scheduled = scheduled;
        this.roles = roles;
        this.geography = geography;
    }

    @EventListener
    void on(ChallengeEvent event) {
        if (event.action() == ChallengeAction.EDIT) {
            return;
        }
        Map<UUID, Notice> byRecipient = new LinkedHashMap<>();
        String kind = "CHALLENGE_" + event.action().name();
        for (UUID member : event.memberIds()) {
            add(byRecipient, event, member, kind, "notification." + kind);
        }
        if (event.action() == ChallengeAction.SUBMIT_PLAN) {
            geography.wijkplatformIdOf(event.wijkId()).ifPresent(platform ->
                    roles.holders(platform, List.of(Role.CHAIR)).stream().map(AssignedRole::accountId)
                            .forEach(chair -> add(byRecipient, event, chair, kind, "notification." + kind + ".chair")));
        }
        notifications.notify(byRecipient.values());
        reminders(event);
    }

    private void reminders(ChallengeEvent event) {
        String prefix = reminderKeys(event.challengeId());
        if (event.ended()) {
            scheduled.withdrawAll(prefix);
            return;
        }
        switch (event.action()) {
            case AGREE -> {
                scheduled.withdrawAll(prefix);
                event.openReportingMoments().forEach(moment -> remind(event, moment, event.memberIds()));
            }
            case JOIN -> {
                if (event.joinedId() != null) {
                    event.openReportingMoments().forEach(moment -> remind(event, moment, List.of(event.joinedId())));
                }
            }
            case REPORT -> {
                if (event.reportedMoment() != null) {
                    scheduled.withdraw(reminderKey(event.challengeId(), event.reportedMoment()));
                }
            }
            default -> {
            }
        }
    }

    private void remind(ChallengeEvent event, LocalDate moment, List<UUID> recipients) {
        LocalDate today = LocalDate.ofInstant(event.occurredAt(), MUNICIPAL_TIME);
        if (moment.isBefore(today)) {
            return;
        }
        Instant at = reminderMoment(moment);
        if (at.isBefore(event.occurredAt())) {
            at = event.occurredAt();
        }
        Map<String, String> args = args(event);
        args.put("moment", DUTCH.format(moment));
        args.put("momentEn", ENGLISH.format(moment));
        List<Notice> notices = new ArrayList<>();
        for (UUID recipient : recipients) {
            notices.add(new Notice(recipient, NotificationCategory.REMINDERS, "CHALLENGE_REPORT_REMINDER", RESOURCE_TYPE,
                    event.challengeId(), args));
        }
        scheduled.schedule(reminderKey(event.challengeId(), moment), at, notices);
    }

    /** 09:00 Amsterdam time, a week before the reporting moment. */
    static Instant reminderMoment(LocalDate moment) {
        return moment.minusWeeks(1).atTime(REMINDER_TIME).atZone(MUNICIPAL_TIME).toInstant();
    }

    static String reminderKey(UUID challengeId, LocalDate moment) {
        return reminderKeys(challengeId) + ":" + moment;
    }

    private static String reminderKeys(UUID challengeId) {
        return "challenge:" + challengeId + ":report";
    }

    private static void add(Map<UUID, Notice> byRecipient, ChallengeEvent event, @Nullable UUID recipient, String kind,
                            String message) {
        if (recipient == null || recipient.equals(event.actorId())) {
            return;
        }
        byRecipient.putIfAbsent(recipient, new Notice(recipient, NotificationCategory.RIGHT_TO_CHALLENGE, kind, message,
                RESOURCE_TYPE, event.challengeId(), args(event)));
    }

    private static Map<String, String> args(ChallengeEvent event) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("title", event.title());
        if (event.adviceDueAt() != null) {
            LocalDate due = LocalDate.ofInstant(event.adviceDueAt(), MUNICIPAL_TIME);
            args.put("adviceDue", DUTCH.format(due));
            args.put("adviceDueEn", ENGLISH.format(due));
        }
        return args;
    }
}
