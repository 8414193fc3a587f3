package nl.wijkopmaat.common.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("idempotency_record")
record IdempotencyRecord(
        @Id UUID id,
        String principal,
        String idempotencyKey,
        String requestHash,
        @Nullable Integer statusCode,
        @Nullable String responseBody,
        @Nullable String location,
        Instant createdAt) {
}
