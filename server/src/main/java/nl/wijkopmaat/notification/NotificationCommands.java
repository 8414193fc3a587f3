package nl.wijkopmaat.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.function.Function;

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

    /**
     * Push per category, mail per category, and quiet hours ({@code HH:mm}, Amsterdam time; equal
     * times mean none). Always answered with {@code mail}; a change without it leaves the mail
     * switches as they are.
     */
    @Serdeable
    record Preferences(@NotNull @Valid CategorySwitches push, @Nullable @Valid CategorySwitches mail,
                       @NotNull @Valid QuietHoursSetting quietHours) {
    }

    /**
     * On or off, one switch per {@link NotificationCategory}, named after it in camelCase
     * ({@link NotificationCategory#property()}): properties that generate plain getters in client
     * code, where a map keyed by the enum's names does not. For push and for mail.
     */
    @Serdeable
    record CategorySwitches(
            @NotNull Boolean myInitiatives,
            @NotNull Boolean supportedInitiatives,
            @NotNull Boolean initiativesToHandle,
            @NotNull Boolean myComments,
            @NotNull Boolean dialoogtafels,
            @NotNull Boolean volunteering,
            @NotNull Boolean wijkbudget,
            @NotNull Boolean rightToChallenge,
            @NotNull Boolean reminders) {

        static CategorySwitches of(Function<NotificationCategory, Boolean> enabled) {
            return new CategorySwitches(
                    enabled.apply(NotificationCategory.MY_INITIATIVES),
                    enabled.apply(NotificationCategory.SUPPORTED_INITIATIVES),
                    enabled.apply(NotificationCategory.INITIATIVES_TO_HANDLE),
                    enabled.apply(NotificationCategory.MY_COMMENTS),
                    enabled.apply(NotificationCategory.DIALOOGTAFELS),
                    enabled.apply(NotificationCategory.VOLUNTEERING),
                    enabled.apply(NotificationCategory.WIJKBUDGET),
                    enabled.apply(NotificationCategory.RIGHT_TO_CHALLENGE),
                    enabled.apply(NotificationCategory.REMINDERS));
        }

        /** Exhaustive: a new category does not compile until it has its switch. */
        boolean enabled(NotificationCategory category) {
            return switch (category) {
                case MY_INITIATIVES -> myInitiatives;
                case SUPPORTED_INITIATIVES -> supportedInitiatives;
                case INITIATIVES_TO_HANDLE -> initiativesToHandle;
                case MY_COMMENTS -> myComments;
                case DIALOOGTAFELS -> dialoogtafels;
                case VOLUNTEERING -> volunteering;
                case WIJKBUDGET -> wijkbudget;
                case RIGHT_TO_CHALLENGE -> rightToChallenge;
                case REMINDERS -> reminders;
            };
        }
    }

    @Serdeable
    record QuietHoursSetting(@NotNull @Pattern(regexp = TIME) String start, @NotNull @Pattern(regexp = TIME) String end) {
    }
}
