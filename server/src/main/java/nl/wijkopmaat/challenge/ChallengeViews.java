package nl.wijkopmaat.challenge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.PersonRef;
import nl.wijkopmaat.challenge.Steps.Advice;
import nl.wijkopmaat.challenge.Steps.Agreement;
import nl.wijkopmaat.challenge.Steps.Eligibility;
import nl.wijkopmaat.challenge.Steps.Evaluation;
import nl.wijkopmaat.challenge.Steps.ProgressReport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class ChallengeViews {

    private ChallengeViews() {
    }

    /** How the reader relates to a proposal's group. */
    public enum GroupRole {
        CONTACT, MEMBER
    }

    /** A proposal in a list. */
    @Serdeable
    public record ChallengeSummary(UUID id, String title, String task, UUID municipalityId, UUID wijkId,
                                   @Nullable UUID buurtId, String groupName, ChallengeStatus status,
                                   long requestedBudgetCentsPerYear, int supporterCount, int memberCount,
                                   @Nullable Instant adviceDueAt, Instant createdAt, Instant updatedAt) {

        static ChallengeSummary of(Challenge c) {
            return new ChallengeSummary(c.id(), c.title(), c.task(), c.municipalityId(), c.wijkId(), c.buurtId(),
                    c.groupName(), c.status(), c.requestedBudgetCentsPerYear(), c.supporterCount(), c.memberCount(),
                    c.adviceDueAt(), c.createdAt(), c.updatedAt());
        }
    }

    /**
     * A proposal with everything the group wrote. Once it is eligible the task's current yearly cost
     * is disclosed here as far as the municipality knows it: the figure the group must beat.
     */
    @Serdeable
    public record ChallengeDetail(UUID id, String title, String task, UUID municipalityId, UUID wijkId,
                                  @Nullable UUID buurtId, String groupName, @Nullable LegalForm legalForm,
                                  @Nullable PersonRef contact, int memberCount, String plan,
                                  long requestedBudgetCentsPerYear, String socialValue, String supportDescription,
                                  int supporterCount, ChallengeStatus status, @Nullable Long currentCostCentsPerYear,
                                  @Nullable Instant adviceDueAt, @Nullable GroupRole myRole, Instant createdAt,
                                  Instant updatedAt, @Nullable Instant intakeAt, @Nullable Instant submittedAt) {

        static ChallengeDetail of(Challenge c, @Nullable Eligibility eligibility, @Nullable GroupRole myRole,
                                  Map<UUID, AccountRef> people) {
            Long currentCost = eligibility != null && eligibility.eligible() ? eligibility.currentCostCentsPerYear() : null;
            return new ChallengeDetail(c.id(), c.title(), c.task(), c.municipalityId(), c.wijkId(), c.buurtId(),
                    c.groupName(), c.legalForm(), PersonRef.of(c.contactId(), people), c.memberCount(), c.plan(),
                    c.requestedBudgetCentsPerYear(), c.socialValue(), c.supportDescription(), c.supporterCount(),
                    c.status(), currentCost, c.adviceDueAt(), myRole, c.createdAt(), c.updatedAt(), c.intakeAt(),
                    c.submittedAt());
        }
    }

    @Serdeable
    public record MemberView(@Nullable PersonRef person, boolean contact, Instant joinedAt) {
    }

    @Serdeable
    public record StatusChangeView(UUID id, ChallengeAction action, ChallengeStatus fromStatus, ChallengeStatus toStatus,
                                   @Nullable PersonRef actor, @Nullable String reason, Instant changedAt) {
    }

    @Serdeable
    public record EligibilityView(boolean eligible, String reason, @Nullable Long currentCostCentsPerYear,
                                  @Nullable PersonRef decidedBy, Instant decidedAt) {

        static EligibilityView of(Eligibility e, Map<UUID, AccountRef> people) {
            return new EligibilityView(e.eligible(), e.reason(), e.currentCostCentsPerYear(),
                    PersonRef.of(e.decidedBy(), people), e.decidedAt());
        }
    }

    /** The platform's advice; position NONE, without motivation, when the assessment started without one. */
    @Serdeable
    public record AdviceView(AdvicePosition position, @Nullable String motivation, @Nullable PersonRef advisedBy,
                             Instant advisedAt) {

        static AdviceView of(Advice a, Map<UUID, AccountRef> people) {
            return new AdviceView(a.position(), a.motivation(), PersonRef.of(a.advisedBy(), people), a.advisedAt());
        }
    }

    @Serdeable
    public record ScoreView(int score, String motivation) {
    }

    @Serdeable
    public record ScoresView(ScoreView quality, ScoreView cost, ScoreView socialValue, ScoreView support,
                             ScoreView ownership) {
    }

    @Serdeable
    public record AssessmentView(ScoresView scores, Decision decision, String decidingBody, LocalDate decisionDate,
                                 @Nullable String decisionMotivation, @Nullable PersonRef assessedBy,
                                 Instant assessedAt) {
    }

    @Serdeable
    public record ReportingMomentView(LocalDate date, boolean reported) {
    }

    @Serdeable
    public record AgreementView(String taskDescription, long budgetCentsPerYear, LocalDate startDate, LocalDate endDate,
                                List<ReportingMomentView> reportingMoments, List<String> contactPersons,
                                @Nullable PersonRef agreedBy, Instant agreedAt) {

        static AgreementView of(Agreement a, List<ReportingMomentView> moments, List<String> contactPersons,
                                Map<UUID, AccountRef> people) {
            return new AgreementView(a.taskDescription(), a.budgetCentsPerYear(), a.startDate(), a.endDate(), moments,
                    contactPersons, PersonRef.of(a.agreedBy(), people), a.agreedAt());
        }
    }

    @Serdeable
    public record ProgressReportView(UUID id, LocalDate reportingMoment, String text, long spentCents,
                                     @Nullable PersonRef author, Instant createdAt) {

        static ProgressReportView of(ProgressReport r, Map<UUID, AccountRef> people) {
            return new ProgressReportView(r.id(), r.moment(), r.body(), r.spentCents(), PersonRef.of(r.authorId(), people),
                    r.createdAt());
        }
    }

    @Serdeable
    public record EvaluationView(EvaluationOutcome outcome, String summary, @Nullable PersonRef evaluatedBy,
                                 Instant evaluatedAt) {

        static EvaluationView of(Evaluation e, Map<UUID, AccountRef> people) {
            return new EvaluationView(e.outcome(), e.summary(), PersonRef.of(e.evaluatedBy(), people), e.evaluatedAt());
        }
    }
}
