package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.wijkopmaat.common.Theme;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class DialoogtafelCommands {

    static final int MAX_CAPACITY = 500;
    /** An online link is a web address a phone opens as it is: https, no spaces. */
    static final String LINK = "https://\\S+";

    private DialoogtafelCommands() {
    }

    /** Where the table meets: a name residents know and its address. */
    @Serdeable
    public record PlaceInput(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 300) String address) {
    }

    @Serdeable
    public record DialoogtafelCreate(
            @NotBlank @Size(min = 5, max = 120) String title,
            @NotNull @Size(max = 5000) String description,
            @NotNull Theme theme,
            @NotNull UUID wijkId,
            @Nullable UUID buurtId,
            @Nullable @Valid PlaceInput place,
            @Nullable @Size(max = 500) @Pattern(regexp = LINK) String onlineLink,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotNull @Min(1) @Max(MAX_CAPACITY) Integer capacity,
            @Nullable @Size(max = 120) String facilitatorName) {

        public DialoogtafelCreate {
            title = title == null ? null : title.strip();
        }
    }

    /** PATCH: only the fields present change; a place or link given replaces the one there was. */
    @Serdeable
    record DialoogtafelChanges(
            @Nullable @Size(min = 5, max = 120) String title,
            @Nullable @Size(max = 5000) String description,
            @Nullable @Valid PlaceInput place,
            @Nullable @Size(max = 500) @Pattern(regexp = LINK) String onlineLink,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable @Min(1) @Max(MAX_CAPACITY) Integer capacity,
            @Nullable @Size(max = 120) String facilitatorName) {

        DialoogtafelChanges {
            title = title == null ? null : title.strip();
        }
    }

    @Serdeable
    record Cancellation(@NotBlank @Size(max = 2000) String reason) {
    }

    @Serdeable
    record AttendanceEntry(@NotNull UUID registrationId, @NotNull Attendance attendance) {
    }

    @Serdeable
    record AttendanceRecord(@NotNull @Size(min = 1, max = MAX_CAPACITY) List<@NotNull @Valid AttendanceEntry> registrations) {
    }

    /** An action point of the report; with the {@code id} of one published before, that one is kept (and its link). */
    @Serdeable
    record ActionPointInput(
            @Nullable UUID id,
            @NotBlank @Size(min = 5, max = 1000) String text,
            @NotBlank @Size(max = 200) String takenUpBy) {
    }

    @Serdeable
    record ReportContent(
            @NotBlank @Size(max = 5000) String summary,
            @NotNull @Min(0) @Max(MAX_CAPACITY) Integer participantCount,
            @NotNull @Size(max = 50) List<@NotNull @Valid ActionPointInput> actionPoints) {
    }

    @Serdeable
    record AlertSettings(@NotNull Boolean newInMyWijk) {
    }
}
