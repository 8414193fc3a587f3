package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A phone or browser that receives pushes through its FCM registration token. */
@MappedEntity("device")
record Device(@Id UUID id, UUID accountId, String token, String tokenHash, Platform platform, String locale,
              @Nullable String appVersion, Instant createdAt, Instant updatedAt) {
}
