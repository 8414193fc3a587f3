package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
record NotificationView(UUID id, NotificationCategory category, String kind, String title, String body,
                        String resourceType, UUID resourceId, Instant createdAt, @Nullable Instant readAt) {

    static NotificationView of(Notification n, NotificationTexts.Texts texts) {
        return new NotificationView(n.id(), n.category(), n.kind(), texts.title(), texts.body(), n.resourceType(),
                n.resourceId(), n.createdAt(), n.readAt());
    }
}
