package nl.wijkopmaat.notification;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A notice to be mailed to one person, with the message code of its texts; rendered in their language when sent. */
@MappedEntity("mail_job")
record MailJob(@Id UUID id, UUID accountId, NotificationCategory category, String kind, String messageKey,
               String messageArgs, String resourceType, UUID resourceId, Instant createdAt) {
}
