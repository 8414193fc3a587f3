package nl.wijkopmaat.wijkplatform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.wijkopmaat.common.security.Role;

import java.util.List;

final class MembershipCommands {

    private MembershipCommands() {
    }

    /** The longest address mail allows (RFC 5321), as for accounts. */
    static final int EMAIL_MAX = 254;

    /**
     * What an admin changes of a wijkplatform: its contact address, the platform's own (a shared
     * mailbox, not a board member's). Null removes it.
     */
    @Serdeable
    record WijkplatformUpdate(@Nullable @Email @Size(max = EMAIL_MAX) String contactEmail) {

        /** The address as it is kept: without surrounding spaces. */
        WijkplatformUpdate {
            contactEmail = contactEmail == null ? null : contactEmail.strip();
        }
    }

    @Serdeable
    record MembersUpdate(@NotNull @Size(max = 2) List<@Valid @NotNull MemberAssignment> members) {
    }

    @Serdeable
    record MemberAssignment(@NotBlank @Email String email, @NotNull Role role) {
    }
}
