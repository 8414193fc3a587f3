package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What clients send about Right to Challenge proposals. Money is in whole euro cents. */
public final class ChallengeCommands {

    /** A hundred million euros a year: far above any task a municipality hands to residents. */
    static final long MAX_CENTS = 10_000_000_000L;
    static final int MAX_SUPPORTERS = 1_000_000;
    static final int MAX_REPORTING_MOMENTS = 24;

    private ChallengeCommands() {
    }

    @Serdeable
    public record ChallengeCreate(
            @NotBlank @Size(min = 5, max = 120) String title,
            @NotBlank @Size(max = 1000) String task,
            @NotNull UUID wijkId,
            @Nullable UUID buurtId,
            @NotBlank @Size(max = 120) String groupName,
            @Nullable LegalForm legalForm,
            @NotBlank @Size(max = 20000) String plan,
            @NotNull @Min(0) @Max(MAX_CENTS) Long requestedBudgetCentsPerYear,
            @NotBlank @Size(max = 5000) String socialValue,
            @NotBlank @Size(max = 5000) String supportDescription,
            @NotNull @Min(0) @Max(MAX_SUPPORTERS) Integer supporterCount) {

        public ChallengeCreate {
            title = title == null ? null : title.strip();
            groupName = groupName == null ? null : groupName.strip();
        }
    }

    /** PATCH: only the fields present change. */
    @Serdeable
    record ChallengeChanges(
            @Nullable @Size(min = 5, max = 120) String title,
            @Nullable @Size(min = 1, max = 1000) String task,
            @Nullable UUID buurtId,
            @Nullable @Size(min = 1, max = 120) String groupName,
            @Nullable LegalForm legalForm,
            @Nullable @Size(min = 1, max = 20000) String plan,
            @Nullable @Min(0) @Max(MAX_CENTS) Long requestedBudgetCentsPerYear,
            @Nullable @Size(min = 1, max = 5000) String socialValue,
            @Nullable @Size(min = 1, max = 5000) String supportDescription,
            @Nullable @Min(0) @Max(MAX_SUPPORTERS) Integer supporterCount) {
    }

    /** The contact person hands their role to another member of the group. */
    @Serdeable
    record ContactHandover(@NotNull UUID accountId) {
    }

    @Serdeable
    public record StatusChangeRequest(@NotNull ChallengeAction action, @Nullable @Size(max = 2000) String reason) {
    }

    @Serdeable
    public record EligibilityDecision(
            @NotNull Boolean eligible,
            @NotBlank @Size(max = 2000) String reason,
            @Nullable @Min(0) @Max(MAX_CENTS) Long currentCostCentsPerYear) {
    }

    /** The platform's advice: SUPPORT, NEUTRAL or OPPOSE. */
    @Serdeable
    public record AdviceRequest(@NotNull AdvicePosition position, @NotBlank @Size(max = 5000) String motivation) {
    }

    @Serdeable
    public record CriterionScore(@NotNull @Min(1) @Max(5) Integer score, @NotBlank @Size(max = 2000) String motivation) {
    }

    /** Every criterion of the assessment, each required. */
    @Serdeable
    public record Scores(
            @NotNull @Valid CriterionScore quality,
            @NotNull @Valid CriterionScore cost,
            @NotNull @Valid CriterionScore socialValue,
            @NotNull @Valid CriterionScore support,
            @NotNull @Valid CriterionScore ownership) {
    }

    @Serdeable
    public record AssessmentRequest(
            @NotNull @Valid Scores scores,
            @NotNull Decision decision,
            @NotBlank @Size(max = 200) String decidingBody,
            @NotNull LocalDate decisionDate,
            @Nullable @Size(max = 5000) String decisionMotivation) {
    }

    @Serdeable
    public record AgreementRequest(
            @NotBlank @Size(max = 5000) String taskDescription,
            @NotNull @Min(0) @Max(MAX_CENTS) Long budgetCentsPerYear,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotNull @Size(min = 1, max = MAX_REPORTING_MOMENTS) List<@NotNull LocalDate> reportingMoments,
            @NotNull @Size(min = 1, max = 5) List<@NotBlank @Size(max = 200) String> contactPersons) {
    }

    @Serdeable
    public record ProgressReportCreate(
            @NotNull LocalDate reportingMoment,
            @NotBlank @Size(max = 10000) String text,
            @NotNull @Min(0) @Max(MAX_CENTS) Long spentCents) {
    }

    @Serdeable
    public record EvaluationRequest(@NotNull EvaluationOutcome outcome, @NotBlank @Size(max = 5000) String summary) {
    }
}
