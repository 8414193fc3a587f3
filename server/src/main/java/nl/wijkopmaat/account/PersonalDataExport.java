package nl.wijkopmaat.account;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Serdeable
record PersonalDataExport(Instant exportedAt, UUID accountId, Map<String, Object> sections) {
}
