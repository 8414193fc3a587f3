package nl.wijkopmaat.geography;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

final class GeographyCommands {

    /** The longest address mail allows (RFC 5321), as for accounts. */
    static final int EMAIL_MAX = 254;

    private GeographyCommands() {
    }

    @Serdeable
    record WijkCreate(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Size(min = 1, max = 150) @Pattern(regexp = ".*\\S.*") String wijkplatformName,
            @Nullable @Email @Size(max = EMAIL_MAX) String wijkplatformContactEmail) {
    }

    @Serdeable
    record WijkUpdate(@NotBlank @Size(max = 100) String name) {
    }

    @Serdeable
    record BuurtCreate(@NotBlank @Size(max = 100) String name) {
    }

    @Serdeable
    record BuurtUpdate(@NotBlank @Size(max = 100) String name) {
    }
}
