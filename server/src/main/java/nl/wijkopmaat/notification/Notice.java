package nl.wijkopmaat.notification;

import java.util.Map;
import java.util.UUID;

/**
 * One thing one person should hear about. The texts are message codes
 * ({@code notification.<kind>.title} and {@code .body}) rendered in the recipient's language with
 * {@code args}; the resource tells the app which screen to open.
 */
public record Notice(UUID recipient, NotificationCategory category, String kind, String resourceType, UUID resourceId,
                     Map<String, Object> args) {
}
