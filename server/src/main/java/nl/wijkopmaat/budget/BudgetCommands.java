package nl.wijkopmaat.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

final class BudgetCommands {

    /** Ten million euro: far above any wijkbudget, low enough to catch a typo. */
    static final long MAX_CENTS = 1_000_000_000L;

    private BudgetCommands() {
    }

    /** The municipal amount of a year. */
    @Serdeable
    record AllocationRequest(@NotNull @PositiveOrZero @Max(MAX_CENTS) Long amountCents) {
    }

    @Serdeable
    record ContributionRequest(
            @NotBlank @Size(max = 200) String partnerName,
            @NotNull @Positive @Max(MAX_CENTS) Long amountCents,
            @Nullable @Size(max = 2000) String note) {

        ContributionRequest {
            partnerName = partnerName == null ? null : partnerName.strip();
        }
    }

    @Serdeable
    record GrantRequest(
            @NotNull UUID initiativeId,
            @NotNull @Positive @Max(MAX_CENTS) Long amountCents,
            @Nullable @Size(max = 2000) String note) {
    }

    @Serdeable
    record PayoutRequest(
            @NotNull @Positive @Max(MAX_CENTS) Long amountCents,
            @NotNull LocalDate paidOn,
            @NotBlank @Size(max = 100) String reference) {

        PayoutRequest {
            reference = reference == null ? null : reference.strip();
        }
    }

    @Serdeable
    record ReleaseRequest(
            @NotNull @Positive @Max(MAX_CENTS) Long amountCents,
            @NotBlank @Size(max = 2000) String reason) {

        ReleaseRequest {
            reason = reason == null ? null : reason.strip();
        }
    }

    @Serdeable
    record SettingsRequest(
            @NotNull @Positive @Max(MAX_CENTS) Long grantThresholdCents,
            @NotNull YearEndPolicy yearEndPolicy) {
    }
}
