package nl.wijkopmaat.notification;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.wijkopmaat.initiative.InitiativeEvent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who hears what about initiatives: the author under "my initiatives", supporters under
 * "initiatives I support", never the person who acted; a new comment goes to the author only.
 * Runs in the transaction that published the event. Each feature has one such class.
 */
@Singleton
class InitiativeNotices {

    private final NotificationService notifications;

    InitiativeNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(InitiativeEvent event) {
        List<Notice> notices = event.recipients().stream()
                .filter(recipient -> event.kind() != InitiativeEvent.Kind.COMMENTED || recipient.equals(event.authorId()))
                .map(recipient -> notice(event, recipient))
                .toList();
        notifications.notify(notices);
    }

    private static Notice notice(InitiativeEvent event, UUID recipient) {
        NotificationCategory category = recipient.equals(event.authorId())
                ? NotificationCategory.MY_INITIATIVES : NotificationCategory.SUPPORTED_INITIATIVES;
        return new Notice(recipient, category, "INITIATIVE_" + event.kind().name(), "INITIATIVE", event.initiativeId(),
                Map.of("title", event.initiativeTitle()));
    }
}
