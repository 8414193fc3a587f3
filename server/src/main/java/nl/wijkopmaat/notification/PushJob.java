package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One push of one notification to one device, in the outbox until it is sent or given up. */
@MappedEntity("push_job")
record PushJob(@Id UUID id, UUID notificationId, @Nullable UUID deviceId, PushStatus status, int attempts,
               Instant notBefore, @Nullable String claimedBy, @Nullable Instant leaseUntil, @Nullable String lastError,
               @Nullable String messageId, Instant createdAt, @Nullable Instant finishedAt) {

    static PushJob pending(UUID notificationId, UUID deviceId, Instant notBefore, Instant now) {
        return new PushJob(UUID.randomUUID(), notificationId, deviceId, PushStatus.PENDING, 0, notBefore, null, null,
                null, null, now, null);
    }
}
