package nl.wijkopmaat.challenge;

import jakarta.inject.Singleton;
import nl.wijkopmaat.challenge.StepRepositories.AdviceRepository;
import nl.wijkopmaat.challenge.StepRepositories.AgreementRepository;
import nl.wijkopmaat.challenge.StepRepositories.AssessmentRepository;
import nl.wijkopmaat.challenge.StepRepositories.EligibilityRepository;
import nl.wijkopmaat.challenge.StepRepositories.EvaluationRepository;
import nl.wijkopmaat.challenge.StepRepositories.ProgressReportRepository;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The proposals a person is in the group of (and whether they are its contact), the steps they took
 * on proposals, and the progress reports they wrote. On erasure they leave every group: a draft of
 * which they were the only member goes, and a group whose contact they were gets its longest-standing
 * remaining member as contact. Public proposals, their history and their reports stay, for the
 * public record, without the person.
 */
@Singleton
class ChallengePersonalData implements PersonalDataContributor {

    private final ChallengeRepository challenges;
    private final ChallengeStatusChangeRepository history;
    private final EligibilityRepository eligibilities;
    private final AdviceRepository advices;
    private final AssessmentRepository assessments;
    private final AgreementRepository agreements;
    private final ProgressReportRepository reports;
    private final EvaluationRepository evaluations;
    private final Clock clock;

    ChallengePersonalData(ChallengeRepository challenges, ChallengeStatusChangeRepository history,
                          EligibilityRepository eligibilities, AdviceRepository advices, AssessmentRepository assessments,
                          AgreementRepository agreements, ProgressReportRepository reports,
                          EvaluationRepository evaluations, Clock clock) {
        this.challenges = challenges;
        this.history = history;
        this.eligibilities = eligibilities;
        this.advices = advices;
        this.assessments = assessments;
        this.agreements = agreements;
        this.reports = reports;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "challenges";
    }

    @Override
    public Object export(UUID accountId) {
        List<Map<String, Object>> groups = challenges.groupsOf(accountId).stream()
                .map(g -> Map.<String, Object>of("id", g.id(), "title", g.title(), "status", g.status(),
                        "contact", accountId.equals(g.contactId()), "joinedAt", g.joinedAt()))
                .toList();
        Map<String, Object> steps = new LinkedHashMap<>();
        steps.put("statusChanges", history.findByActorIdOrderByChangedAt(accountId).stream()
                .map(c -> Map.of("challengeId", c.challengeId(), "action", c.action(), "changedAt", c.changedAt()))
                .toList());
        steps.put("eligibility", eligibilities.findByDecidedBy(accountId).stream()
                .map(e -> Map.of("challengeId", e.challengeId(), "decidedAt", e.decidedAt())).toList());
        steps.put("advice", advices.findByAdvisedBy(accountId).stream()
                .map(a -> Map.of("challengeId", a.challengeId(), "advisedAt", a.advisedAt())).toList());
        steps.put("assessments", assessments.findByAssessedBy(accountId).stream()
                .map(a -> Map.of("challengeId", a.challengeId(), "assessedAt", a.assessedAt())).toList());
        steps.put("agreements", agreements.findByAgreedBy(accountId).stream()
                .map(a -> Map.of("challengeId", a.challengeId(), "agreedAt", a.agreedAt())).toList());
        steps.put("evaluations", evaluations.findByEvaluatedBy(accountId).stream()
                .map(e -> Map.of("challengeId", e.challengeId(), "evaluatedAt", e.evaluatedAt())).toList());
        return Map.of(
                "groups", groups,
                "steps", steps,
                "progressReports", reports.findByAuthorIdOrderByCreatedAt(accountId).stream()
                        .map(r -> Map.of("challengeId", r.challengeId(), "reportingMoment", r.moment(), "text", r.body(),
                                "spentCents", r.spentCents(), "createdAt", r.createdAt()))
                        .toList());
    }

    @Override
    public void erase(UUID accountId) {
        Instant now = clock.instant();
        List<UUID> groups = challenges.membershipsOf(accountId).stream().map(UUID::fromString).toList();
        challenges.removeMember(accountId);
        for (UUID id : groups) {
            Challenge challenge = challenges.findByIdForUpdate(id).orElseThrow();
            List<String> remaining = challenges.membersOf(id);
            if (remaining.isEmpty() && challenge.status() == ChallengeStatus.DRAFT) {
                challenges.delete(challenge);
                continue;
            }
            UUID contact = accountId.equals(challenge.contactId())
                    ? remaining.stream().findFirst().map(UUID::fromString).orElse(null)
                    : challenge.contactId();
            challenges.update(challenge.withMembers(remaining.size(), contact, now));
        }
        history.detachActor(accountId);
        eligibilities.detach(accountId);
        advices.detach(accountId);
        assessments.detach(accountId);
        agreements.detach(accountId);
        reports.detach(accountId);
        evaluations.detach(accountId);
    }
}
