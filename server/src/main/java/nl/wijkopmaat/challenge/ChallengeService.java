package nl.wijkopmaat.challenge;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.account.PersonRef;
import nl.wijkopmaat.challenge.ChallengeAction.Party;
import nl.wijkopmaat.challenge.ChallengeCommands.AdviceRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.AgreementRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.AssessmentRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.ChallengeChanges;
import nl.wijkopmaat.challenge.ChallengeCommands.ChallengeCreate;
import nl.wijkopmaat.challenge.ChallengeCommands.CriterionScore;
import nl.wijkopmaat.challenge.ChallengeCommands.EligibilityDecision;
import nl.wijkopmaat.challenge.ChallengeCommands.EvaluationRequest;
import nl.wijkopmaat.challenge.ChallengeCommands.ProgressReportCreate;
import nl.wijkopmaat.challenge.ChallengeCommands.StatusChangeRequest;
import nl.wijkopmaat.challenge.ChallengeListQuery.Awaiting;
import nl.wijkopmaat.challenge.ChallengeQueries.MemberRow;
import nl.wijkopmaat.challenge.ChallengeViews.AdviceView;
import nl.wijkopmaat.challenge.ChallengeViews.AgreementView;
import nl.wijkopmaat.challenge.ChallengeViews.AssessmentView;
import nl.wijkopmaat.challenge.ChallengeViews.ChallengeDetail;
import nl.wijkopmaat.challenge.ChallengeViews.ChallengeSummary;
import nl.wijkopmaat.challenge.ChallengeViews.EligibilityView;
import nl.wijkopmaat.challenge.ChallengeViews.EvaluationView;
import nl.wijkopmaat.challenge.ChallengeViews.GroupRole;
import nl.wijkopmaat.challenge.ChallengeViews.MemberView;
import nl.wijkopmaat.challenge.ChallengeViews.ProgressReportView;
import nl.wijkopmaat.challenge.ChallengeViews.ReportingMomentView;
import nl.wijkopmaat.challenge.ChallengeViews.ScoreView;
import nl.wijkopmaat.challenge.ChallengeViews.ScoresView;
import nl.wijkopmaat.challenge.ChallengeViews.StatusChangeView;
import nl.wijkopmaat.challenge.StepRepositories.AdviceRepository;
import nl.wijkopmaat.challenge.StepRepositories.AgreementRepository;
import nl.wijkopmaat.challenge.StepRepositories.AssessmentRepository;
import nl.wijkopmaat.challenge.StepRepositories.EligibilityRepository;
import nl.wijkopmaat.challenge.StepRepositories.EvaluationRepository;
import nl.wijkopmaat.challenge.StepRepositories.ProgressReportRepository;
import nl.wijkopmaat.challenge.StepRepositories.ScoreRow;
import nl.wijkopmaat.challenge.Steps.Advice;
import nl.wijkopmaat.challenge.Steps.Agreement;
import nl.wijkopmaat.challenge.Steps.Assessment;
import nl.wijkopmaat.challenge.Steps.Criterion;
import nl.wijkopmaat.challenge.Steps.Eligibility;
import nl.wijkopmaat.challenge.Steps.Evaluation;
import nl.wijkopmaat.challenge.Steps.ProgressReport;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.paging.Cursors;
import nl.wijkopmaat.common.paging.ListScope;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Authorizations;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Right to Challenge: a group of residents proposes to take over a municipal task. Every step locks
 * the proposal's row first, asks {@link ChallengeAction} whether the lifecycle allows it (a 409 for
 * everyone when not) and whether the actor may take it (a 403), then records it, with a line in the
 * history for every change of status, and publishes a {@link ChallengeEvent} in the same transaction.
 * Everything but a draft is public, the advice, scores and decision included.
 */
@Singleton
public class ChallengeService {

    static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");
    /** A group of this size is an association's membership; beyond it the group is not a group of neighbours. */
    static final int MAX_MEMBERS = 200;
    static final String REASON_NO_ADVICE = "challenge.reason.noAdvice";
    static final String REASON_AGREEMENT_STARTED = "challenge.reason.agreementStarted";

    private final ChallengeRepository challenges;
    private final ChallengeStatusChangeRepository history;
    private final EligibilityRepository eligibilities;
    private final AdviceRepository advices;
    private final AssessmentRepository assessments;
    private final AgreementRepository agreements;
    private final ProgressReportRepository reports;
    private final EvaluationRepository evaluations;
    private final ChallengeQueries queries;
    private final GeographyService geography;
    private final AccountService accounts;
    private final Authorizations authorizations;
    private final ApplicationEventPublisher<ChallengeEvent> events;
    private final Cursors cursors;
    private final Messages messages;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration advicePeriod;

    ChallengeService(ChallengeRepository challenges, ChallengeStatusChangeRepository history,
                     EligibilityRepository eligibilities, AdviceRepository advices, AssessmentRepository assessments,
                     AgreementRepository agreements, ProgressReportRepository reports, EvaluationRepository evaluations,
                     ChallengeQueries queries, GeographyService geography, AccountService accounts,
                     Authorizations authorizations, ApplicationEventPublisher<ChallengeEvent> events, Cursors cursors,
                     Messages messages, JsonMapper json, Clock clock,
                     @Value("${wijkopmaat.challenges.advice-period}") Duration advicePeriod) {
        this.challenges = challenges;
        this.history = history;
        this.eligibilities = eligibilities;
        this.advices = advices;
        this.assessments = assessments;
        this.agreements = agreements;
        this.reports = reports;
        this.evaluations = evaluations;
        this.queries = queries;
        this.geography = geography;
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.events = events;
        this.cursors = cursors;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.advicePeriod = advicePeriod;
    }

    /** A member joined, and whether this request made them one (joining twice returns the first). */
    record Joined(MemberView member, boolean created) {
    }

    // The proposal and its group

    /** A resident of the wijk's municipality drafts a proposal and becomes its first initiator and contact person. */
    @Transactional
    public ChallengeDetail create(UUID actor, ChallengeCreate command) {
        UUID municipalityId = geography.municipalityOfWijk(command.wijkId())
                .orElseThrow(() -> ApiException.invalid("wijkId", "validation.wijk.unknown"));
        requireBuurtInWijk(command.buurtId(), command.wijkId());
        accounts.requireParticipant(actor, municipalityId);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        challenges.save(new Challenge(id, null, municipalityId, command.wijkId(), command.buurtId(), command.title(),
                command.task().strip(), command.groupName(), command.legalForm(), actor, command.plan().strip(),
                command.requestedBudgetCentsPerYear(), command.socialValue().strip(),
                command.supportDescription().strip(), command.supporterCount(), 1, ChallengeStatus.DRAFT, null, null,
                null, now, now, null));
        Challenge created = challenges.findById(id).orElseThrow();
        challenges.addMember(id, actor, Objects.requireNonNull(created.seq()), now);
        return detail(created, actor);
    }

    @Transactional
    public ChallengeDetail get(UUID id, @Nullable UUID viewer) {
        return detail(requireVisible(challenges.findById(id).orElse(null), viewer), viewer);
    }

    /** A member edits the proposal while it is a draft or, once eligible, while the full plan is written. */
    @Transactional
    public ChallengeDetail update(UUID id, UUID actor, ChallengeChanges changes) {
        Challenge challenge = lockVisible(id, actor);
        ChallengeAction.EDIT.from(challenge.status());
        ChallengeAction.EDIT.requireParty(partiesOf(actor, challenge));
        UUID buurtId = changes.buurtId() == null ? challenge.buurtId() : changes.buurtId();
        requireBuurtInWijk(buurtId, challenge.wijkId());
        Instant now = clock.instant();
        Challenge changed = challenges.update(challenge.withContent(
                changes.title() == null ? challenge.title() : changes.title().strip(),
                changes.task() == null ? challenge.task() : changes.task().strip(),
                buurtId,
                changes.groupName() == null ? challenge.groupName() : changes.groupName().strip(),
                changes.legalForm() == null ? challenge.legalForm() : changes.legalForm(),
                changes.plan() == null ? challenge.plan() : changes.plan().strip(),
                changes.requestedBudgetCentsPerYear() == null ? challenge.requestedBudgetCentsPerYear()
                        : changes.requestedBudgetCentsPerYear(),
                changes.socialValue() == null ? challenge.socialValue() : changes.socialValue().strip(),
                changes.supportDescription() == null ? challenge.supportDescription() : changes.supportDescription().strip(),
                changes.supporterCount() == null ? challenge.supporterCount() : changes.supporterCount(), now));
        return detail(changed, actor);
    }

    /**
     * A resident of the municipality joins the initiating group. A draft is not listed or readable by
     * others, but whoever was given its link may join while the group forms.
     */
    @Transactional
    public Joined join(UUID id, UUID actor) {
        Challenge challenge = challenges.findByIdForUpdate(id)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.challenge"));
        ChallengeAction.JOIN.from(challenge.status());
        accounts.requireParticipant(actor, challenge.municipalityId());
        Map<UUID, AccountRef> people = accounts.findByIds(Set.of(actor));
        if (challenges.isMember(id, actor)) {
            return new Joined(memberView(challenge, actor, joinedAt(id, actor), people), false);
        }
        if (challenge.memberCount() >= MAX_MEMBERS) {
            throw ApiException.conflict("problem.conflict.challenge.groupFull", Map.of("max", MAX_MEMBERS));
        }
        Instant now = clock.instant();
        challenges.addMember(id, actor, Objects.requireNonNull(challenge.seq()), now);
        Challenge changed = challenges.update(challenge.withMembers(challenge.memberCount() + 1,
                challenge.contactId() == null ? actor : challenge.contactId(), now));
        publish(changed, ChallengeAction.JOIN, actor, actor, null, now);
        return new Joined(memberView(changed, actor, now, people), true);
    }

    @Transactional
    public Page<MemberView> members(UUID id, @Nullable UUID viewer, PageRequest page) {
        Challenge challenge = requireVisible(challenges.findById(id).orElse(null), viewer);
        ListScope scope = ListScope.of("challenge-members", id);
        List<MemberRow> rows = queries.members(id, cursors.after(page, scope), page.fetchSize());
        Map<UUID, AccountRef> people = accounts.findByIds(rows.stream().map(MemberRow::accountId).collect(Collectors.toSet()));
        return cursors.page(rows, page, scope, row -> List.of(row.seq()),
                row -> memberView(challenge, row.accountId(), row.joinedAt(), people));
    }

    /** The contact person hands their role to another member of the group. */
    @Transactional
    public ChallengeDetail handOver(UUID id, UUID actor, UUID newContact) {
        Challenge challenge = lockVisible(id, actor);
        ChallengeAction.HAND_OVER.from(challenge.status());
        ChallengeAction.HAND_OVER.requireParty(partiesOf(actor, challenge));
        if (!challenges.isMember(id, newContact)) {
            throw ApiException.invalid("accountId", "validation.challenge.contactNotMember");
        }
        Instant now = clock.instant();
        Challenge changed = challenges.update(challenge.withContact(newContact, now));
        publish(changed, ChallengeAction.HAND_OVER, actor, null, null, now);
        return detail(changed, actor);
    }

    // The lifecycle

    /**
     * Submit the intake, submit the full plan, withdraw, and start the assessment: the steps a client
     * asks for directly. The assessment starts from an advised plan, or from a submitted one once the
     * advice period is over, recorded as started without advice.
     */
    @Transactional
    public StatusChangeView changeStatus(UUID id, UUID actor, StatusChangeRequest request, Locale locale) {
        ChallengeAction action = request.action();
        if (!action.requestedDirectly()) {
            throw ApiException.invalid("action", "validation.challenge.action");
        }
        Challenge challenge = lockVisible(id, actor);
        ChallengeStatus target = action.from(challenge.status());
        action.requireParty(partiesOf(actor, challenge));
        Instant now = clock.instant();
        String reason = blankToNull(request.reason());
        String reasonCode = null;
        Challenge changed;
        switch (action) {
            case SUBMIT_INTAKE -> {
                accounts.requireParticipant(actor, challenge.municipalityId());
                changed = challenge.withStatus(target, now);
            }
            case SUBMIT_PLAN -> {
                accounts.requireParticipant(actor, challenge.municipalityId());
                changed = challenge.submitted(now, now.plus(advicePeriod));
            }
            case START_ASSESSMENT -> {
                if (challenge.status() == ChallengeStatus.SUBMITTED) {
                    Instant due = Objects.requireNonNull(challenge.adviceDueAt());
                    if (now.isBefore(due)) {
                        throw ApiException.conflict("problem.conflict.challenge.advicePeriod",
                                Map.of("adviceDueAt", due.toString()));
                    }
                    advices.save(new Advice(id, AdvicePosition.NONE, null, null, now));
                    reasonCode = REASON_NO_ADVICE;
                }
                changed = challenge.withStatus(target, now);
            }
            default -> changed = challenge.withStatus(target, now);
        }
        changed = challenges.update(changed);
        ChallengeStatusChange change = record(challenge, changed, action, actor, reason, reasonCode, now);
        return statusChangeView(change, accounts.findByIds(Set.of(actor)), locale);
    }

    /** Reasons the system gave are in {@code locale}, the reader's language. */
    @Transactional
    public Page<StatusChangeView> history(UUID id, @Nullable UUID viewer, PageRequest page, Locale locale) {
        requireVisible(challenges.findById(id).orElse(null), viewer);
        ListScope scope = ListScope.of("challenge-status-changes", id);
        List<ChallengeStatusChange> rows = cursors.after(page, scope)
                .map(key -> history.pageAfter(id, key.number(0), page.fetchSize()))
                .orElseGet(() -> history.firstPage(id, page.fetchSize()));
        Map<UUID, AccountRef> people = accounts.findByIds(rows.stream().map(ChallengeStatusChange::actorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return cursors.page(rows, page, scope, c -> List.of(c.seq()), c -> statusChangeView(c, people, locale));
    }

    /** An official checks the intake: eligible (disclosing what the task costs now, as far as known) or not. */
    @Transactional
    public EligibilityView decideEligibility(UUID id, UUID actor, EligibilityDecision decision) {
        boolean eligible = decision.eligible();
        if (!eligible && decision.currentCostCentsPerYear() != null) {
            throw ApiException.invalid("currentCostCentsPerYear", "validation.challenge.costOfIneligible");
        }
        ChallengeAction action = eligible ? ChallengeAction.DECLARE_ELIGIBLE : ChallengeAction.DECLARE_NOT_ELIGIBLE;
        Challenge challenge = lockVisible(id, actor);
        ChallengeStatus target = action.from(challenge.status());
        action.requireParty(partiesOf(actor, challenge));
        Instant now = clock.instant();
        Eligibility saved = eligibilities.save(new Eligibility(id, eligible, decision.reason().strip(),
                decision.currentCostCentsPerYear(), actor, now));
        Challenge changed = challenges.update(challenge.withStatus(target, now));
        record(challenge, changed, action, actor, saved.reason(), null, now);
        return EligibilityView.of(saved, accounts.findByIds(Set.of(actor)));
    }

    @Transactional
    public EligibilityView eligibility(UUID id, @Nullable UUID viewer) {
        requireVisible(challenges.findById(id).orElse(null), viewer);
        Eligibility eligibility = eligibilities.findById(id)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.challenge.eligibility"));
        return EligibilityView.of(eligibility, people(eligibility.decidedBy()));
    }

    /** The chair of the wijk's platform gives the platform's advice on a submitted plan. */
    @Transactional
    public AdviceView advise(UUID id, UUID actor, AdviceRequest request) {
        if (request.position() == AdvicePosition.NONE) {
            throw ApiException.invalid("position", "validation.challenge.advicePosition");
        }
        Challenge challenge = lockVisible(id, actor);
        ChallengeStatus target = ChallengeAction.ADVISE.from(challenge.status());
        ChallengeAction.ADVISE.requireParty(partiesOf(actor, challenge));
        Instant now = clock.instant();
        Advice saved = advices.save(new Advice(id, request.position(), request.motivation().strip(), actor, now));
        Challenge changed = challenges.update(challenge.withStatus(target, now));
        record(challenge, changed, ChallengeAction.ADVISE, actor, saved.motivation(), null, now);
        return AdviceView.of(saved, accounts.findByIds(Set.of(actor)));
    }

    @Transactional
    public AdviceView advice(UUID id, @Nullable UUID viewer) {
        requireVisible(challenges.findById(id).orElse(null), viewer);
        Advice advice = advices.findById(id).orElseThrow(() -> ApiException.notFound("problem.notFound.challenge.advice"));
        return AdviceView.of(advice, people(advice.advisedBy()));
    }

    /**
     * An official records the assessment: every criterion scored with a motivation, and the decision
     * of the competent body with its name and date. A rejection gives its motivation.
     */
    @Transactional
    public AssessmentView assess(UUID id, UUID actor, AssessmentRequest request) {
        List<InvalidParam> invalid = new ArrayList<>();
        String motivation = blankToNull(request.decisionMotivation());
        if (request.decision() == Decision.REJECTED && motivation == null) {
            invalid.add(new InvalidParam("decisionMotivation", "validation.challenge.rejectionMotivation"));
        }
        if (request.decisionDate().isAfter(today())) {
            invalid.add(new InvalidParam("decisionDate", "validation.challenge.decisionDateFuture"));
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        ChallengeAction action = request.decision().action();
        Challenge challenge = lockVisible(id, actor);
        ChallengeStatus target = action.from(challenge.status());
        action.requireParty(partiesOf(actor, challenge));
        Instant now = clock.instant();
        Assessment saved = assessments.save(new Assessment(id, request.decision(), request.decidingBody().strip(),
                request.decisionDate(), motivation, actor, now));
        scoresOf(request).forEach((criterion, score) ->
                assessments.addScore(id, criterion.name(), score.score(), score.motivation().strip()));
        Challenge changed = challenges.update(challenge.withStatus(target, now));
        record(challenge, changed, action, actor, motivation, null, now);
        return assessmentView(saved, people(actor));
    }

    @Transactional
    public AssessmentView assessment(UUID id, @Nullable UUID viewer) {
        requireVisible(challenges.findById(id).orElse(null), viewer);
        Assessment assessment = assessments.findById(id)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.challenge.assessment"));
        return assessmentView(assessment, people(assessment.assessedBy()));
    }

    /**
     * An official records the agreement of an accepted proposal, or corrects it before it starts. On
     * its start date the proposal moves to execution: at once when that date has come.
     */
    @Transactional
    public AgreementView agree(UUID id, UUID actor, AgreementRequest request) {
        List<LocalDate> moments = validMoments(request);
        Challenge challenge = lockVisible(id, actor);
        ChallengeAction.AGREE.from(challenge.status());
        ChallengeAction.AGREE.requireParty(partiesOf(actor, challenge));
        Instant now = clock.instant();
        Agreement agreement = new Agreement(id, request.taskDescription().strip(), request.budgetCentsPerYear(),
                request.startDate(), request.endDate(), writeNames(request.contactPersons().stream().map(String::strip).toList()),
                actor, now);
        if (agreements.existsById(id)) {
            agreements.clearMoments(id);
            agreements.update(agreement);
        } else {
            agreements.save(agreement);
        }
        moments.forEach(moment -> agreements.addMoment(id, moment));
        Challenge current = challenges.update(challenge.touched(now));
        events.publishEvent(event(current, ChallengeAction.AGREE, actor, null, moments, null, now));
        if (!request.startDate().isAfter(today())) {
            startExecution(current, now);
        }
        return agreementView(agreement, people(actor));
    }

    @Transactional
    public AgreementView agreement(UUID id, @Nullable UUID viewer) {
        requireVisible(challenges.findById(id).orElse(null), viewer);
        Agreement agreement = agreements.findById(id)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.challenge.agreement"));
        return agreementView(agreement, people(agreement.agreedBy()));
    }

    /**
     * Moves an accepted proposal whose agreement has started to execution. Safe to run on several
     * server instances at once: the row lock makes one of them take the step, the others find it taken.
     */
    @Transactional
    public boolean startExecutionIfDue(UUID id) {
        Optional<Challenge> found = challenges.findByIdForUpdate(id);
        if (found.isEmpty() || found.get().status() != ChallengeStatus.ACCEPTED) {
            return false;
        }
        Optional<Agreement> agreement = agreements.findById(id);
        if (agreement.isEmpty() || agreement.get().startDate().isAfter(today())) {
            return false;
        }
        startExecution(found.get(), clock.instant());
        return true;
    }

    /** The proposals whose agreement has started but which are not in execution yet. */
    @Transactional
    public List<UUID> dueForExecution(int limit) {
        return challenges.dueForExecution(today(), limit).stream().map(UUID::fromString).toList();
    }

    private void startExecution(Challenge accepted, Instant now) {
        ChallengeStatus target = ChallengeAction.START_EXECUTION.from(accepted.status());
        Challenge changed = challenges.update(accepted.withStatus(target, now));
        record(accepted, changed, ChallengeAction.START_EXECUTION, null, null, REASON_AGREEMENT_STARTED, now);
    }

    /** A member reports on one reporting moment of the agreement: what was done and what was spent. */
    @Transactional
    public ProgressReportView report(UUID id, UUID actor, ProgressReportCreate command) {
        Challenge challenge = lockVisible(id, actor);
        ChallengeAction.REPORT.from(challenge.status());
        ChallengeAction.REPORT.requireParty(partiesOf(actor, challenge));
        if (!agreements.momentsOf(id).contains(command.reportingMoment())) {
            throw ApiException.invalid("reportingMoment", "validation.challenge.reportingMoment");
        }
        if (reports.existsByChallengeIdAndMoment(id, command.reportingMoment())) {
            throw ApiException.conflict("problem.conflict.challenge.reported",
                    Map.of("reportingMoment", command.reportingMoment().toString()));
        }
        Instant now = clock.instant();
        ProgressReport saved = reports.save(new ProgressReport(UUID.randomUUID(), null, id, command.reportingMoment(),
                command.text().strip(), command.spentCents(), actor, now));
        Challenge current = challenges.update(challenge.touched(now));
        events.publishEvent(event(current, ChallengeAction.REPORT, actor, null, List.of(), command.reportingMoment(), now));
        return ProgressReportView.of(saved, accounts.findByIds(Set.of(actor)));
    }

    @Transactional
    public Page<ProgressReportView> reports(UUID id, @Nullable UUID viewer, PageRequest page) {
        requireVisible(challenges.findById(id).orElse(null), viewer);
        ListScope scope = ListScope.of("challenge-progress-reports", id);
        List<ProgressReport> rows = cursors.after(page, scope)
                .map(key -> reports.pageAfter(id, key.number(0), page.fetchSize()))
                .orElseGet(() -> reports.firstPage(id, page.fetchSize()));
        Map<UUID, AccountRef> people = accounts.findByIds(rows.stream().map(ProgressReport::authorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return cursors.page(rows, page, scope, r -> List.of(r.seq()), r -> ProgressReportView.of(r, people));
    }

    /** An official evaluates a task in execution: continue, adjust or end, with a summary. */
    @Transactional
    public EvaluationView evaluate(UUID id, UUID actor, EvaluationRequest request) {
        Challenge challenge = lockVisible(id, actor);
        ChallengeStatus target = ChallengeAction.EVALUATE.from(challenge.status());
        ChallengeAction.EVALUATE.requireParty(partiesOf(actor, challenge));
        Instant now = clock.instant();
        Evaluation saved = evaluations.save(new Evaluation(id, request.outcome(), request.summary().strip(), actor, now));
        Challenge changed = challenges.update(challenge.withStatus(target, now));
        record(challenge, changed, ChallengeAction.EVALUATE, actor, saved.summary(), null, now);
        return EvaluationView.of(saved, accounts.findByIds(Set.of(actor)));
    }

    @Transactional
    public EvaluationView evaluation(UUID id, @Nullable UUID viewer) {
        requireVisible(challenges.findById(id).orElse(null), viewer);
        Evaluation evaluation = evaluations.findById(id)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.challenge.evaluation"));
        return EvaluationView.of(evaluation, people(evaluation.evaluatedBy()));
    }

    // Overviews

    /**
     * Public proposals with filters, the caller's own (drafts included), or a work queue of the
     * caller's role: an official's in their municipality (the one they live in unless {@code municipality}
     * names another), the chair's advice queue in the wijk they chair.
     */
    @Transactional
    public Page<ChallengeSummary> list(ChallengeListQuery query, @Nullable UUID viewer, PageRequest page) {
        if ((query.onlyMine() || query.awaiting() != null) && viewer == null) {
            throw ApiException.unauthorized("problem.unauthorized");
        }
        if (query.onlyMine() && query.awaiting() != null) {
            throw ApiException.invalid("awaiting", "validation.challenge.awaitingWithMine");
        }
        UUID queueScope = query.awaiting() == null ? null : queueScope(query, Objects.requireNonNull(viewer));
        ListScope scope = ListScope.of("challenges", query.municipality(), query.wijk(), query.status(),
                query.onlyMine() ? viewer : null, query.awaiting(), queueScope);
        List<Challenge> rows = queries.page(query, viewer, queueScope, clock.instant(), today(),
                cursors.after(page, scope), page.fetchSize());
        return cursors.page(rows, page, scope, c -> List.of(c.seq()), ChallengeSummary::of);
    }

    /** What a member of a wijkplatform's board reads of a proposal of its wijk, and whether they give the advice. */
    public record BoardReading(ChallengeDetail challenge, UUID wijkplatformId, boolean advises) {
    }

    /**
     * The board's advice queue: the plans of the platform's wijk waiting for its advice. The chair
     * gives the advice; the secretary reads what the chair reads.
     */
    @Transactional
    public Page<ChallengeSummary> adviceQueue(UUID wijkplatformId, UUID actor, PageRequest page) {
        if (!isBoard(actor, wijkplatformId)) {
            throw ApiException.forbidden("problem.forbidden.challenge.chair");
        }
        UUID wijkId = geography.getWijkplatform(wijkplatformId).wijkId();
        return queuePage(new ChallengeListQuery(null, wijkId, null, null, Awaiting.ADVICE), actor, wijkId, page);
    }

    /**
     * A proposal as the board of its wijk's platform reads it in its workspace: a 403 for anyone else,
     * and for a board member who is in the group, who never judges their own proposal.
     */
    @Transactional
    public BoardReading getForBoard(UUID id, UUID actor) {
        Challenge challenge = requireVisible(challenges.findById(id).orElse(null), actor);
        UUID platform = geography.wijkplatformIdOf(challenge.wijkId())
                .filter(p -> isBoard(actor, p) && !challenges.isMember(id, actor))
                .orElseThrow(() -> ApiException.forbidden("problem.forbidden.challenge.chair"));
        return new BoardReading(detail(challenge, actor), platform, authorizations.has(actor, Role.CHAIR, platform));
    }

    /**
     * A proposal as an official of its municipality reads it in their workspace: a 403 for anyone
     * else, and for an official in the group, as for every official step.
     */
    @Transactional
    public ChallengeDetail getForOfficial(UUID id, UUID actor) {
        Challenge challenge = requireVisible(challenges.findById(id).orElse(null), actor);
        if (!partiesOf(actor, challenge).contains(Party.OFFICIAL)) {
            throw ApiException.forbidden("problem.forbidden.challenge.official");
        }
        return detail(challenge, actor);
    }

    private boolean isBoard(UUID actor, UUID wijkplatformId) {
        return authorizations.has(actor, Role.CHAIR, wijkplatformId) || authorizations.has(actor, Role.SECRETARY, wijkplatformId);
    }

    private Page<ChallengeSummary> queuePage(ChallengeListQuery query, UUID viewer, UUID queueScope, PageRequest page) {
        ListScope scope = ListScope.of("challenges", query.municipality(), query.wijk(), query.status(), null,
                query.awaiting(), queueScope);
        List<Challenge> rows = queries.page(query, viewer, queueScope, clock.instant(), today(),
                cursors.after(page, scope), page.fetchSize());
        return cursors.page(rows, page, scope, c -> List.of(c.seq()), ChallengeSummary::of);
    }

    private UUID queueScope(ChallengeListQuery query, UUID viewer) {
        if (query.awaiting() == Awaiting.ADVICE) {
            if (query.wijk() == null) {
                throw ApiException.invalid("wijk", "validation.challenge.adviceQueueWijk");
            }
            boolean chair = geography.wijkplatformIdOf(query.wijk())
                    .filter(platform -> authorizations.has(viewer, Role.CHAIR, platform)).isPresent();
            if (!chair) {
                throw ApiException.forbidden("problem.forbidden.challenge.chair");
            }
            return query.wijk();
        }
        UUID municipality = query.municipality() != null ? query.municipality()
                : accounts.findByIds(Set.of(viewer)).get(viewer).municipalityId();
        if (!authorizations.has(viewer, Role.OFFICIAL, municipality)) {
            throw ApiException.forbidden("problem.forbidden.challenge.official");
        }
        return municipality;
    }

    // Start-up configuration

    /** For the demo data: the proposal of this title in the wijk, if there is one. */
    @Transactional
    public Optional<UUID> findByTitle(UUID wijkId, String title) {
        return challenges.findFirstByWijkIdAndTitle(wijkId, title).map(Challenge::id);
    }

    // Helpers

    private Challenge lockVisible(UUID id, UUID actor) {
        return requireVisible(challenges.findByIdForUpdate(id).orElse(null), actor);
    }

    private Challenge requireVisible(@Nullable Challenge challenge, @Nullable UUID viewer) {
        if (challenge == null || !challenge.status().isPublic() && (viewer == null || !challenges.isMember(challenge.id(), viewer))) {
            throw ApiException.notFound("problem.notFound.challenge");
        }
        return challenge;
    }

    /**
     * How the actor relates to the proposal, read from the group and the current role assignments. A
     * member of the group never judges its own proposal: an official or chair in the group acts on it
     * as a member only.
     */
    Set<Party> partiesOf(UUID actor, Challenge challenge) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        parties.add(Party.RESIDENT);
        if (challenges.isMember(challenge.id(), actor)) {
            parties.add(Party.MEMBER);
            if (actor.equals(challenge.contactId())) {
                parties.add(Party.CONTACT);
            }
            return parties;
        }
        if (authorizations.has(actor, Role.OFFICIAL, challenge.municipalityId())) {
            parties.add(Party.OFFICIAL);
        }
        geography.wijkplatformIdOf(challenge.wijkId())
                .filter(platform -> authorizations.has(actor, Role.CHAIR, platform))
                .ifPresent(platform -> parties.add(Party.CHAIR));
        return parties;
    }

    private ChallengeStatusChange record(Challenge before, Challenge after, ChallengeAction action, @Nullable UUID actor,
                                         @Nullable String reason, @Nullable String reasonCode, Instant now) {
        ChallengeStatusChange change = history.save(new ChallengeStatusChange(UUID.randomUUID(), null, before.id(), action,
                before.status(), after.status(), actor, reason, reasonCode, now));
        publish(after, action, actor, null, null, now);
        return change;
    }

    private void publish(Challenge challenge, ChallengeAction action, @Nullable UUID actor, @Nullable UUID joined,
                         @Nullable LocalDate reported, Instant now) {
        List<LocalDate> open = action == ChallengeAction.JOIN ? openMoments(challenge.id()) : List.of();
        events.publishEvent(event(challenge, action, actor, joined, open, reported, now));
    }

    private ChallengeEvent event(Challenge challenge, ChallengeAction action, @Nullable UUID actor, @Nullable UUID joined,
                                 List<LocalDate> openMoments, @Nullable LocalDate reported, Instant now) {
        List<UUID> members = challenges.membersOf(challenge.id()).stream().map(UUID::fromString).toList();
        return new ChallengeEvent(action, challenge.id(), challenge.title(), challenge.wijkId(), challenge.status(), actor,
                members, joined, openMoments, reported, challenge.adviceDueAt(), now);
    }

    /** The reporting moments of the agreement, if any, that have no report yet. */
    private List<LocalDate> openMoments(UUID id) {
        Set<LocalDate> reported = reports.reportedMoments(id);
        return agreements.momentsOf(id).stream().filter(moment -> !reported.contains(moment)).toList();
    }

    /** Sorted, distinct moments after the start date and no later than the end date; every wrong one named. */
    private static List<LocalDate> validMoments(AgreementRequest request) {
        List<InvalidParam> invalid = new ArrayList<>();
        if (!request.endDate().isAfter(request.startDate())) {
            invalid.add(new InvalidParam("endDate", "validation.challenge.endBeforeStart"));
        }
        Set<LocalDate> seen = new HashSet<>();
        List<LocalDate> moments = request.reportingMoments();
        for (int i = 0; i < moments.size(); i++) {
            LocalDate moment = moments.get(i);
            if (!moment.isAfter(request.startDate()) || moment.isAfter(request.endDate())) {
                invalid.add(new InvalidParam("reportingMoments[" + i + "]", "validation.challenge.momentOutsidePeriod"));
            } else if (!seen.add(moment)) {
                invalid.add(new InvalidParam("reportingMoments[" + i + "]", "validation.challenge.momentTwice"));
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        return moments.stream().sorted().toList();
    }

    private static Map<Criterion, CriterionScore> scoresOf(AssessmentRequest request) {
        Map<Criterion, CriterionScore> scores = new EnumMap<>(Criterion.class);
        scores.put(Criterion.QUALITY, request.scores().quality());
        scores.put(Criterion.COST, request.scores().cost());
        scores.put(Criterion.SOCIAL_VALUE, request.scores().socialValue());
        scores.put(Criterion.SUPPORT, request.scores().support());
        scores.put(Criterion.OWNERSHIP, request.scores().ownership());
        return scores;
    }

    private AssessmentView assessmentView(Assessment assessment, Map<UUID, AccountRef> people) {
        Map<Criterion, ScoreView> scores = new EnumMap<>(Criterion.class);
        for (ScoreRow row : assessments.scoresOf(assessment.challengeId())) {
            scores.put(Criterion.valueOf(row.criterion()), new ScoreView(row.score(), row.motivation()));
        }
        return new AssessmentView(new ScoresView(scores.get(Criterion.QUALITY), scores.get(Criterion.COST),
                scores.get(Criterion.SOCIAL_VALUE), scores.get(Criterion.SUPPORT), scores.get(Criterion.OWNERSHIP)),
                assessment.decision(), assessment.decidingBody(), assessment.decisionDate(),
                assessment.decisionMotivation(), PersonRef.of(assessment.assessedBy(), people), assessment.assessedAt());
    }

    private AgreementView agreementView(Agreement agreement, Map<UUID, AccountRef> people) {
        UUID id = agreement.challengeId();
        Set<LocalDate> reported = reports.reportedMoments(id);
        List<ReportingMomentView> moments = agreements.momentsOf(id).stream()
                .map(moment -> new ReportingMomentView(moment, reported.contains(moment)))
                .toList();
        return AgreementView.of(agreement, moments, readNames(agreement.contactPersons()), people);
    }

    private ChallengeDetail detail(Challenge challenge, @Nullable UUID viewer) {
        GroupRole role = null;
        if (viewer != null && challenges.isMember(challenge.id(), viewer)) {
            role = viewer.equals(challenge.contactId()) ? GroupRole.CONTACT : GroupRole.MEMBER;
        }
        Eligibility eligibility = challenge.status().compareTo(ChallengeStatus.INTAKE) > 0
                ? eligibilities.findById(challenge.id()).orElse(null) : null;
        return ChallengeDetail.of(challenge, eligibility, role, people(challenge.contactId()));
    }

    private MemberView memberView(Challenge challenge, UUID member, Instant joinedAt, Map<UUID, AccountRef> people) {
        return new MemberView(PersonRef.of(member, people), member.equals(challenge.contactId()), joinedAt);
    }

    private Instant joinedAt(UUID id, UUID member) {
        return challenges.joinedAt(id, member);
    }

    private StatusChangeView statusChangeView(ChallengeStatusChange change, Map<UUID, AccountRef> people, Locale locale) {
        String reason = change.reasonCode() == null ? change.reason() : messages.get(change.reasonCode(), locale);
        return new StatusChangeView(change.id(), change.action(), change.fromStatus(), change.toStatus(),
                PersonRef.of(change.actorId(), people), reason, change.changedAt());
    }

    private Map<UUID, AccountRef> people(@Nullable UUID... ids) {
        return accounts.findByIds(Stream.of(ids).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    private void requireBuurtInWijk(@Nullable UUID buurtId, UUID wijkId) {
        if (!geography.isNoBuurtOrOneOf(buurtId, wijkId)) {
            throw ApiException.invalid("buurtId", "validation.buurt.notInWijk");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MUNICIPAL_TIME));
    }

    private String writeNames(List<String> names) {
        try {
            return json.writeValueAsString(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readNames(String names) {
        try {
            return json.readValue(names, Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
