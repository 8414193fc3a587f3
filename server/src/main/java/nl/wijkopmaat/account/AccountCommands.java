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
            @NotNull String password,
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

    /** The password rules ({@link PasswordPolicy}) are checked by the service, with these. */
    @Serdeable
    record Verification(@NotBlank @Size(max = 200) String token) {
    }

    @Serdeable
    record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    @Serdeable
    record PasswordReset(@NotBlank @Size(max = 200) String token, @NotNull String password) {
    }

    @Serdeable
    record PasswordChange(@NotNull @Size(max = 200) String currentPassword, @NotNull String newPassword) {
    }

    @Serdeable
    record ErasureRequest(@NotNull @Size(max = 200) String password) {
    }

    @Serdeable
    record StaffAssignmentCreate(@NotBlank @Email String email, @NotNull Role role) {
    }
}
