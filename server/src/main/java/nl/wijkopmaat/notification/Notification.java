package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * An inbox item. Its texts are a message code with arguments (JSON), rendered when read; items
 * stored before that carry their rendered title and body instead. {@code seq}, its place in the order of
 * arrival, is given by the database and is null until read back.
 */
@MappedEntity("notification")
record Notification(@Id UUID id, @GeneratedValue @Nullable Long seq, UUID accountId, NotificationCategory category, String kind,
                    @Nullable String messageKey, @Nullable String messageArgs, @Nullable String title,
                    @Nullable String body, String resourceType, UUID resourceId, Instant createdAt,
                    @Nullable Instant readAt) {
}
