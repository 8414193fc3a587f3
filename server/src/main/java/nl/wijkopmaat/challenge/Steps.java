package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The steps the municipality, the platform and the group take on a proposal, each stored once per
 * proposal (progress reports once per reporting moment). The person who took a step is detached
 * (null) when their account is erased; the step stays, for the public record.
 */
final class Steps {

    private Steps() {
    }

    @MappedEntity("challenge_eligibility")
    record Eligibility(@Id UUID challengeId, boolean eligible, String reason,
                       @MappedProperty("current_cents_year") @Nullable Long currentCostCentsPerYear,
                       @Nullable UUID decidedBy, Instant decidedAt) {
    }

    @MappedEntity("challenge_advice")
    record Advice(@Id UUID challengeId, AdvicePosition position, @Nullable String motivation, @Nullable UUID advisedBy,
                  Instant advisedAt) {
    }

    /** The fixed criteria of the assessment, each scored 1 to 5 with a motivation. */
    enum Criterion {
        /** Equal to or better than the municipality does it now. */
        QUALITY,
        /** Not more expensive than now. */
        COST,
        SOCIAL_VALUE,
        /** Support in the neighbourhood, shown through an open process. */
        SUPPORT,
        /** The group keeps the lead, with continuity and without a profit motive. */
        OWNERSHIP
    }

    @MappedEntity("challenge_assessment")
    record Assessment(@Id UUID challengeId, Decision decision, String decidingBody, LocalDate decisionDate,
                      @Nullable String decisionMotivation, @Nullable UUID assessedBy, Instant assessedAt) {
    }

    /** The contact persons are a JSON array of names. */
    @MappedEntity("challenge_agreement")
    record Agreement(@Id UUID challengeId, String taskDescription,
                     @MappedProperty("cents_year") long budgetCentsPerYear, LocalDate startDate, LocalDate endDate,
                     String contactPersons, @Nullable UUID agreedBy,
                     Instant agreedAt) {
    }

    @MappedEntity("challenge_progress_report")
    record ProgressReport(@Id UUID id, @GeneratedValue @Nullable Long seq, UUID challengeId, LocalDate moment,
                          String body, long spentCents, @Nullable UUID authorId, Instant createdAt) {
    }

    @MappedEntity("challenge_evaluation")
    record Evaluation(@Id UUID challengeId, EvaluationOutcome outcome, String summary, @Nullable UUID evaluatedBy,
                      Instant evaluatedAt) {
    }
}
