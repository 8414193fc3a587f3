package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** An inbox item, its texts already in the recipient's language. */
@MappedEntity("notification")
record Notification(@Id UUID id, UUID accountId, NotificationCategory category, String kind, String title, String body,
                    String resourceType, UUID resourceId, Instant createdAt, @Nullable Instant readAt) {
}
