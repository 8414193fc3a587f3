package nl.wijkopmaat.account;

import io.micronaut.serde.annotation.Serdeable;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;

/** A role waiting for its address to be verified, as admins see it. */
@Serdeable
public record Invitation(String email, Role role, Instant invitedAt) {

    static Invitation of(RoleInvitation invitation) {
        return new Invitation(invitation.email(), invitation.role(), invitation.invitedAt());
    }
}
