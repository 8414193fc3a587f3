package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

final class NotificationCommands {

    private static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";

    private NotificationCommands() {
    }

    @Serdeable
    record DeviceRegistration(
            @NotBlank @Size(max = 4096) String token,
            @NotNull Platform platform,
            @Nullable @Pattern(regexp = "nl|en") String locale,
            @Nullable @Size(max = 40) String appVersion) {
    }

    /** Push per category and quiet hours ({@code HH:mm}, Amsterdam time; equal times mean none). */
    @Serdeable
    record Preferences(
            @NotNull Map<NotificationCategory, @NotNull Boolean> push,
            @NotNull @Valid QuietHoursSetting quietHours) {
    }

    @Serdeable
    record QuietHoursSetting(@NotNull @Pattern(regexp = TIME) String start, @NotNull @Pattern(regexp = TIME) String end) {
    }
}
