package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/** {@code verifiedAt} is null until the person proved they own the address. */
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
        @Nullable Instant verifiedAt,
        @Version Long version) {

    Account withProfile(String newDisplayName, @Nullable UUID newBuurtId, String newLocale, Instant now) {
        return new Account(id, email, passwordHash, newDisplayName, municipalityId, newBuurtId, newLocale, status,
                createdAt, now, erasedAt, verifiedAt, version);
    }

    Account withPassword(String newPasswordHash, Instant now) {
        return new Account(id, email, newPasswordHash, displayName, municipalityId, buurtId, locale, status,
                createdAt, now, erasedAt, verifiedAt, version);
    }

    Account verified(Instant now) {
        return new Account(id, email, passwordHash, displayName, municipalityId, buurtId, locale, status,
                createdAt, now, erasedAt, verifiedAt == null ? now : verifiedAt, version);
    }

    Account erased(Instant now) {
        return new Account(id, null, null, null, municipalityId, null, locale, AccountStatus.ERASED,
                createdAt, now, now, verifiedAt, version);
    }

    boolean active() {
        return status == AccountStatus.ACTIVE;
    }

    boolean isVerified() {
        return active() && verifiedAt != null;
    }
}
