package nl.wijkopmaat.wijkplatform;

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

    @Serdeable
    record MembersUpdate(@NotNull @Size(max = 2) List<@Valid @NotNull MemberAssignment> members) {
    }

    @Serdeable
    record MemberAssignment(@NotBlank @Email String email, @NotNull Role role) {
    }
}
