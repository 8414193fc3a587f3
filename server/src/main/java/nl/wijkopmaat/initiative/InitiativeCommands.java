package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nl.wijkopmaat.common.Theme;

import java.math.BigDecimal;
import java.util.UUID;

final class InitiativeCommands {

    /** One million euro: far above any wijkbudget, low enough to catch a typo. */
    static final long MAX_REQUESTED_CENTS = 100_000_000L;

    private InitiativeCommands() {
    }

    /** The fields a resident writes; used to create a draft and to replace its content. */
    @Serdeable
    record Content(
            @NotBlank @Size(min = 5, max = 120) String title,
            @NotNull @Size(max = 5000) String description,
            @NotNull Theme theme,
            @NotNull UUID wijkId,
            @Nullable UUID buurtId,
            @Nullable @Size(max = 200) String locationText,
            @Nullable @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 6) BigDecimal latitude,
            @Nullable @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) BigDecimal longitude,
            @NotNull @PositiveOrZero @Max(MAX_REQUESTED_CENTS) Long requestedBudgetCents) {

        /** Lengths count what is kept: the title without surrounding spaces. */
        Content {
            title = title == null ? null : title.strip();
        }
    }

    /** PATCH: only the fields present change. */
    @Serdeable
    record ContentChanges(
            @Nullable @Size(min = 5, max = 120) String title,
            @Nullable @Size(max = 5000) String description,
            @Nullable Theme theme,
            @Nullable UUID buurtId,
            @Nullable @Size(max = 200) String locationText,
            @Nullable @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 3, fraction = 6) BigDecimal latitude,
            @Nullable @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) BigDecimal longitude,
            @Nullable @PositiveOrZero @Max(MAX_REQUESTED_CENTS) Long requestedBudgetCents) {

        ContentChanges {
            title = title == null ? null : title.strip();
        }
    }

    @Serdeable
    record StatusChangeRequest(
            @NotNull InitiativeTransition action,
            @Nullable @Size(max = 2000) String reason,
            @Nullable @Size(min = 1, max = 2000) String resultReport) {
    }

    @Serdeable
    record OwnerAssignment(@NotNull UUID ownerId) {
    }

    @Serdeable
    record ReviewRequest(@NotNull ReviewDecision decision, @Nullable @Size(max = 2000) String reason) {
    }

    @Serdeable
    record CommentRequest(@NotBlank @Size(min = 1, max = 2000) String body) {
    }

    @Serdeable
    record HideRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
