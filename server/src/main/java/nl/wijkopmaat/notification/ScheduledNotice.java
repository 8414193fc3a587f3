package nl.wijkopmaat.notification;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A notice to one person that waits for its moment, under the business key of what scheduled it. */
@MappedEntity("scheduled_notice")
record ScheduledNotice(@Id UUID id, String noticeKey, UUID recipientId, Instant dueAt, NotificationCategory category,
                       String kind, String messageKey, String messageArgs, String resourceType, UUID resourceId,
                       Instant createdAt) {
}
