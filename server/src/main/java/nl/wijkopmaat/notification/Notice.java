package nl.wijkopmaat.notification;

import java.util.Map;
import java.util.UUID;

/**
 * One thing one person should hear about. The texts are the message codes {@code <message>.title}
 * and {@code <message>.body}, rendered with {@code args} in the language of whoever reads them;
 * {@code kind} says what happened, and the resource tells the app which screen to open.
 */
public record Notice(UUID recipient, NotificationCategory category, String kind, String message, String resourceType,
                     UUID resourceId, Map<String, String> args) {

    /** A notice whose texts are those of its kind: {@code notification.<kind>}. */
    public Notice(UUID recipient, NotificationCategory category, String kind, String resourceType, UUID resourceId,
                  Map<String, String> args) {
        this(recipient, category, kind, "notification." + kind, resourceType, resourceId, args);
    }
}
