package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A mailed single-use token, kept as a SHA-256 hash of what the mail carried. */
@MappedEntity("account_token")
record AccountToken(@Id String tokenHash, UUID accountId, Purpose purpose, Instant createdAt, Instant expiresAt,
                    @Nullable Instant usedAt) {

    enum Purpose { VERIFY, RESET }
}
