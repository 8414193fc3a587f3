package nl.wijkopmaat.volunteering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public final class VolunteeringCommands {

    static final int MAX_CAPACITY = 200;

    private VolunteeringCommands() {
    }

    @Serdeable
    public record OpportunityCreate(
            @NotBlank @Size(min = 5, max = 120) String title,
            @NotNull @Size(max = 5000) String description,
            @NotNull UUID wijkId,
            @Nullable UUID buurtId,
            @Nullable @Size(max = 20) List<@NotNull UUID> coordinatorIds,
            @Nullable @Size(max = 20) List<@NotNull @Pattern(regexp = Skills.PATTERN) String> skills,
            @Nullable @Size(max = 200) String minimumAgeNote) {

        public OpportunityCreate {
            title = title == null ? null : title.strip();
        }
    }

    /** PATCH: only the fields present change; a list given replaces the list. */
    @Serdeable
    record OpportunityChanges(
            @Nullable @Size(min = 5, max = 120) String title,
            @Nullable @Size(max = 5000) String description,
            @Nullable UUID buurtId,
            @Nullable @Size(max = 20) List<@NotNull UUID> coordinatorIds,
            @Nullable @Size(max = 20) List<@NotNull @Pattern(regexp = Skills.PATTERN) String> skills,
            @Nullable @Size(max = 200) String minimumAgeNote,
            @Nullable OpportunityStatus status) {

        OpportunityChanges {
            title = title == null ? null : title.strip();
        }
    }

    @Serdeable
    public record ShiftCreate(
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotNull @Min(1) @Max(MAX_CAPACITY) Integer capacity,
            @Nullable @Size(max = 200) String place) {
    }

    @Serdeable
    record ShiftChanges(
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable @Min(1) @Max(MAX_CAPACITY) Integer capacity,
            @Nullable @Size(max = 200) String place) {
    }

    /** Per volunteer: the minutes given, or a no-show. */
    @Serdeable
    record HoursEntry(
            @NotNull UUID volunteerId,
            @Nullable @Min(0) @Max(24 * 60) Integer minutes,
            @Nullable Boolean noShow) {

        boolean markedNoShow() {
            return Boolean.TRUE.equals(noShow);
        }
    }

    @Serdeable
    record HoursConfirmation(@NotNull @Size(min = 1, max = MAX_CAPACITY) List<@NotNull @Valid HoursEntry> volunteers) {
    }

    @Serdeable
    record ProfileUpdate(
            @NotNull @Size(max = 30) List<@NotNull @Pattern(regexp = Skills.PATTERN) String> skills,
            @NotNull Set<Availability> availability,
            @NotNull Boolean newOpportunityNotices) {
    }
}
