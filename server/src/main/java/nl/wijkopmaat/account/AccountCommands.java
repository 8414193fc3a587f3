package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.wijkopmaat.common.security.Role;

import java.util.UUID;

final class AccountCommands {

    static final String LOCALES = "nl|en";

    private AccountCommands() {
    }

    @Serdeable
    record AccountRegistration(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 72) String password,
            @NotBlank @Size(max = 80) String displayName,
            @NotNull UUID municipalityId,
            @Nullable UUID buurtId,
            @Nullable @Pattern(regexp = LOCALES) String locale) {
    }

    @Serdeable
    record MeUpdate(
            @Nullable @Size(min = 1, max = 80) @Pattern(regexp = ".*\\S.*") String displayName,
            @Nullable UUID buurtId,
            @Nullable @Pattern(regexp = LOCALES) String locale) {
    }

    @Serdeable
    record StaffAssignmentCreate(@NotBlank @Email String email, @NotNull Role role) {
    }
}
