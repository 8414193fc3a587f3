package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The signed-in person's own account, as {@code GET /me} shows it. */
@Serdeable
record AccountView(UUID id, String email, String displayName, UUID municipalityId, @Nullable UUID buurtId,
                   @Nullable UUID wijkId, String locale, boolean emailVerified, List<RoleGrant> roles,
                   Instant createdAt) {
}
