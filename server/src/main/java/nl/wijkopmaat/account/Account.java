package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("account")
record Account(
        @Id UUID id,
        @Nullable String email,
        @Nullable String passwordHash,
        @Nullable String displayName,
        UUID municipalityId,
        @Nullable UUID buurtId,
        String locale,
        AccountStatus status,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant erasedAt,
        @Version Long version) {

    Account withProfile(String newDisplayName, @Nullable UUID newBuurtId, String newLocale, Instant now) {
        return new Account(id, email, passwordHash, newDisplayName, municipalityId, newBuurtId, newLocale, status,
                createdAt, now, erasedAt, version);
    }

    Account erased(Instant now) {
        return new Account(id, null, null, null, municipalityId, null, locale, AccountStatus.ERASED,
                createdAt, now, now, version);
    }

    boolean active() {
        return status == AccountStatus.ACTIVE;
    }
}
