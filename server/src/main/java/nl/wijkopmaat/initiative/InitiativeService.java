package nl.wijkopmaat.initiative;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.Cursors;
import nl.wijkopmaat.common.paging.ListScope;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Authorizations;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkplatformView;
import nl.wijkopmaat.initiative.InitiativeCommands.Content;
import nl.wijkopmaat.initiative.InitiativeCommands.ContentChanges;
import nl.wijkopmaat.initiative.InitiativeCommands.ReviewRequest;
import nl.wijkopmaat.initiative.InitiativeCommands.StatusChangeRequest;
import nl.wijkopmaat.initiative.InitiativeTransition.Party;
import nl.wijkopmaat.initiative.InitiativeViews.Handling;
import nl.wijkopmaat.initiative.InitiativeViews.InitiativeView;
import nl.wijkopmaat.initiative.InitiativeViews.ReviewView;
import nl.wijkopmaat.initiative.InitiativeViews.StatusChangeView;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
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
 * Bewonersinitiatieven: drafts, the lifecycle with its history, owners and answers, and reviews.
 * Every change locks the initiative's row first and publishes an {@link InitiativeEvent} in the same
 * transaction.
 */
@Singleton
public class InitiativeService {

    static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");
    /** Why the system gave a resubmitted initiative back to its owner, in the reader's language. */
    static final String REASON_OWNER_KEPT = "initiative.reason.ownerKeptOnResubmission";

    private final InitiativeRepository initiatives;
    private final StatusChangeRepository statusChanges;
    private final ReviewRepository reviews;
    private final SupportRepository supports;
    private final InitiativeQueries queries;
    private final GeographyService geography;
    private final AccountService accounts;
    private final Authorizations authorizations;
    private final ApplicationEventPublisher<InitiativeEvent> events;
    private final Cursors cursors;
    private final Messages messages;
    private final Clock clock;
    private final int answerWorkingDays;

    InitiativeService(InitiativeRepository initiatives, StatusChangeRepository statusChanges, ReviewRepository reviews,
                      SupportRepository supports, InitiativeQueries queries, GeographyService geography,
                      AccountService accounts, Authorizations authorizations,
                      ApplicationEventPublisher<InitiativeEvent> events, Cursors cursors, Messages messages,
                      Clock clock,
                      @Value("${wijkopmaat.initiatives.answer-working-days}") int answerWorkingDays) {
        this.initiatives = initiatives;
        this.statusChanges = statusChanges;
        this.reviews = reviews;
        this.supports = supports;
        this.queries = queries;
        this.geography = geography;
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.events = events;
        this.cursors = cursors;
        this.messages = messages;
        this.clock = clock;
        this.answerWorkingDays = answerWorkingDays;
    }

    @Transactional
    public InitiativeView create(UUID author, Content content) {
        return view(createDraft(author, content, null, null), author);
    }

    /**
     * A draft of the resident, made from an action point of a dialoogtafel's report: the initiative
     * keeps where it came from, as the action point keeps the initiative. Returns its id.
     */
    @Transactional
    public UUID createFromActionPoint(UUID author, ActionPointDraft draft) {
        Content content = new Content(draft.title(), draft.description(), draft.theme(), draft.wijkId(), draft.buurtId(),
                null, null, null, 0L);
        return createDraft(author, content, draft.dialoogtafelId(), draft.actionPointId()).id();
    }

    private Initiative createDraft(UUID author, Content content, @Nullable UUID originDialoogtafelId,
                                   @Nullable UUID originActionPointId) {
        UUID municipalityId = geography.municipalityOfWijk(content.wijkId())
                .orElseThrow(() -> ApiException.invalid("wijkId", "validation.wijk.unknown"));
        requireBuurtInWijk(content.buurtId(), content.wijkId());
        Instant now = clock.instant();
        return initiatives.save(new Initiative(UUID.randomUUID(), municipalityId, content.wijkId(),
                content.buurtId(), author, content.title(), content.description(), content.theme(),
                content.locationText(), content.latitude(), content.longitude(), content.requestedBudgetCents(),
                InitiativeStatus.DRAFT, null, null, null, 0, now, now, null, originDialoogtafelId, originActionPointId,
                null));
    }

    @Transactional
    public InitiativeView get(UUID id, @Nullable UUID viewer) {
        return view(requireVisible(initiatives.findById(id).orElse(null), viewer), viewer);
    }

    /**
     * The municipality of each of some initiatives, in one read, for links to their pages (whose
     * addresses start with the municipality); ids that are no initiative are left out.
     */
    @Transactional
    public Map<UUID, UUID> municipalitiesOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return initiatives.placesOf(ids).stream().collect(Collectors.toMap(place -> UUID.fromString(place.id()),
                place -> UUID.fromString(place.municipalityId())));
    }

    /** The author edits the content while the initiative is a draft or waits for their changes. */
    @Transactional
    public InitiativeView update(UUID id, UUID actor, ContentChanges changes) {
        Initiative initiative = lockVisible(id, actor);
        if (!actor.equals(initiative.authorId())) {
            throw ApiException.forbidden("problem.forbidden.notAuthor");
        }
        if (initiative.status() != InitiativeStatus.DRAFT && initiative.status() != InitiativeStatus.CHANGES_REQUESTED) {
            throw ApiException.conflict("problem.conflict.notEditable", Map.of("status", initiative.status().name()));
        }
        UUID buurtId = changes.buurtId() == null ? initiative.buurtId() : changes.buurtId();
        requireBuurtInWijk(buurtId, initiative.wijkId());
        Content merged = new Content(
                changes.title() == null ? initiative.title() : changes.title(),
                changes.description() == null ? initiative.description() : changes.description(),
                changes.theme() == null ? initiative.theme() : changes.theme(),
                initiative.wijkId(), buurtId,
                changes.locationText() == null ? initiative.locationText() : changes.locationText(),
                changes.latitude() == null ? initiative.latitude() : changes.latitude(),
                changes.longitude() == null ? initiative.longitude() : changes.longitude(),
                changes.requestedBudgetCents() == null ? initiative.requestedBudgetCents() : changes.requestedBudgetCents());
        return view(initiatives.update(initiative.withContent(merged, buurtId, clock.instant())), actor);
    }

    @Transactional
    public Page<InitiativeView> list(InitiativeListQuery query, @Nullable UUID viewer, PageRequest page) {
        if ((query.onlyMine() || query.onlySupportedByMe() || query.onlyOwnedByMe()) && viewer == null) {
            throw ApiException.unauthorized("problem.unauthorized");
        }
        ListScope scope = InitiativeQueries.scope(query, viewer);
        List<InitiativeQueries.Row> rows = queries.page(query, viewer, cursors.after(page, scope), page.fetchSize());
        Map<UUID, AccountRef> people = accounts.findByIds(rows.stream()
                .flatMap(row -> Stream.of(row.initiative().authorId(), row.initiative().ownerId()))
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return cursors.page(rows, page, scope, row -> InitiativeQueries.sortKey(row, query),
                row -> InitiativeView.of(row.initiative(), row.supportedByViewer(), people));
    }

    /**
     * Submit, resubmit, withdraw, start and complete: the transitions a client asks for directly. The
     * lifecycle is checked before the actor's part in it: a step that cannot happen now is a 409 for
     * everyone.
     */
    @Transactional
    public StatusChangeView changeStatus(UUID id, UUID actor, StatusChangeRequest request) {
        InitiativeTransition transition = request.action();
        if (!transition.requestedDirectly()) {
            throw ApiException.invalid("action", "validation.initiative.action");
        }
        if (transition == InitiativeTransition.COMPLETE && (request.resultReport() == null || request.resultReport().isBlank())) {
            throw ApiException.invalid("resultReport", "validation.initiative.resultReport");
        }
        Initiative initiative = lockVisible(id, actor);
        InitiativeStatus target = transition.from(initiative.status());
        transition.requireParty(partiesOf(actor, initiative));
        if (transition == InitiativeTransition.SUBMIT || transition == InitiativeTransition.RESUBMIT) {
            // A draft is the author's own; putting it before the municipality is taking part.
            accounts.requireParticipant(actor, initiative.municipalityId());
        }
        Instant now = clock.instant();
        Initiative changed = transition == InitiativeTransition.COMPLETE
                ? initiative.completed(request.resultReport().strip(), now)
                : initiative.withStatus(target, now);
        boolean resubmitted = transition == InitiativeTransition.RESUBMIT;
        boolean ownerStays = resubmitted && initiative.ownerId() != null
                && authorizations.has(initiative.ownerId(), Role.OFFICIAL, initiative.municipalityId());
        if (resubmitted && !ownerStays) {
            // The owner is no official here any more: it waits, without owner or term, for an official.
            changed = changed.withoutOwner(now);
        }
        changed = initiatives.update(changed);
        StatusChange change = record(initiative, changed, transition, actor, request.reason(), null, now);
        if (ownerStays) {
            returnToOwner(changed, now);
        }
        return StatusChangeView.of(change, accounts.findByIds(Set.of(actor)), change.reason());
    }

    /**
     * A resubmitted initiative goes back to its owner as a step of its own, taken by the system,
     * with a new answer term from today: the owner does not have to take it again before answering.
     */
    private void returnToOwner(Initiative resubmitted, Instant now) {
        InitiativeStatus target = InitiativeTransition.ASSIGN_OWNER.from(resubmitted.status());
        LocalDate due = WorkingDays.after(LocalDate.ofInstant(now, MUNICIPAL_TIME), answerWorkingDays);
        Initiative returned = initiatives.update(resubmitted.withOwner(resubmitted.ownerId(), due, target, now));
        record(resubmitted, returned, InitiativeTransition.ASSIGN_OWNER, null, null, REASON_OWNER_KEPT, now);
    }

    /** An official of the municipality becomes the owner and the answer term starts. */
    @Transactional
    public InitiativeView assignOwner(UUID id, UUID actor, UUID ownerId) {
        Initiative initiative = lockVisible(id, actor);
        boolean reassignment = initiative.status() == InitiativeStatus.IN_REVIEW;
        if (!reassignment) {
            InitiativeTransition.ASSIGN_OWNER.from(initiative.status());
        }
        InitiativeTransition.ASSIGN_OWNER.requireParty(partiesOf(actor, initiative));
        if (!authorizations.has(ownerId, Role.OFFICIAL, initiative.municipalityId()) || ownerId.equals(initiative.authorId())) {
            throw ApiException.invalid("ownerId", "validation.initiative.owner");
        }
        Instant now = clock.instant();
        // Reassigning hands the running term to the new owner; a first owner starts the term.
        LocalDate due = reassignment ? initiative.answerDueDate()
                : WorkingDays.after(LocalDate.ofInstant(now, MUNICIPAL_TIME), answerWorkingDays);
        Initiative changed = initiatives.update(initiative.withOwner(ownerId, due, InitiativeStatus.IN_REVIEW, now));
        record(initiative, changed, InitiativeTransition.ASSIGN_OWNER, actor, null, null, now);
        return view(changed, actor);
    }

    @Transactional
    public ReviewView review(UUID id, UUID actor, ReviewRequest request) {
        ReviewDecision decision = request.decision();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (decision.reasonRequired() && reason == null) {
            throw ApiException.invalid("reason", "validation.review.reason");
        }
        Initiative initiative = lockVisible(id, actor);
        InitiativeTransition transition = decision.transition();
        InitiativeStatus target = transition.from(initiative.status());
        if (actor.equals(initiative.authorId())) {
            throw ApiException.forbidden("problem.forbidden.ownReview");
        }
        transition.requireParty(partiesOf(actor, initiative));
        Instant now = clock.instant();
        Initiative changed = initiatives.update(initiative.withStatus(target, now));
        Review review = reviews.save(new Review(UUID.randomUUID(), null, id, actor, decision, reason, now));
        record(initiative, changed, transition, actor, reason, null, now);
        return ReviewView.of(review, accounts.findByIds(Set.of(actor)));
    }

    /**
     * What the wijkbudget needs of a submitted initiative to grant it money and to tell its people;
     * empty for an unknown or never submitted one.
     */
    @Transactional
    public Optional<InitiativeFunding> funding(UUID id) {
        return initiatives.findById(id).filter(initiative -> initiative.submittedAt() != null)
                .map(initiative -> new InitiativeFunding(initiative.id(), initiative.municipalityId(),
                        initiative.wijkId(), initiative.status(), initiative.title(), initiative.authorId(),
                        supports.supporters(id).stream().map(UUID::fromString).collect(Collectors.toSet())));
    }

    /**
     * The initiatives of a wijk the wijkbudget may grant money to, by title, for the board to choose
     * from: at most {@code limit}.
     */
    @Transactional
    public List<FundableInitiative> fundableIn(UUID wijkId, int limit) {
        return initiatives.fundableIn(wijkId, limit).stream()
                .map(initiative -> new FundableInitiative(initiative.id(), initiative.title(), initiative.status(),
                        initiative.requestedBudgetCents()))
                .toList();
    }

    /**
     * Called by the wijkbudget when a grant commits money to an approved initiative, by the board
     * member whose step commits it (the chair, or the secretary co-signing). Only the first grant
     * moves it: one that was funded or started already (a top-up) keeps its status.
     */
    @Transactional
    public void markFunded(UUID id, UUID actor) {
        Initiative initiative = initiatives.findByIdForUpdate(id)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.initiative"));
        if (!InitiativeTransition.FUND.allowedFrom(initiative.status())) {
            return;
        }
        InitiativeStatus target = InitiativeTransition.FUND.target();
        InitiativeTransition.FUND.requireParty(partiesOf(actor, initiative));
        Instant now = clock.instant();
        Initiative changed = initiatives.update(initiative.withStatus(target, now));
        record(initiative, changed, InitiativeTransition.FUND, actor, null, null, now);
    }

    /** Reasons the system gave are in {@code locale}, the reader's language. */
    @Transactional
    public Page<StatusChangeView> history(UUID id, @Nullable UUID viewer, PageRequest page, Locale locale) {
        requireVisible(initiatives.findById(id).orElse(null), viewer);
        ListScope scope = ListScope.of("status-changes", id);
        List<StatusChange> rows = cursors.after(page, scope)
                .map(key -> statusChanges.pageAfter(id, key.number(0), page.fetchSize()))
                .orElseGet(() -> statusChanges.firstPage(id, page.fetchSize()));
        Map<UUID, AccountRef> people = accounts.findByIds(rows.stream().map(StatusChange::actorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return cursors.page(rows, page, scope, c -> List.of(c.seq()), c -> StatusChangeView.of(c, people,
                c.reasonCode() == null ? c.reason() : messages.get(c.reasonCode(), locale)));
    }

    @Transactional
    public Page<ReviewView> reviews(UUID id, @Nullable UUID viewer, PageRequest page) {
        requireVisible(initiatives.findById(id).orElse(null), viewer);
        ListScope scope = ListScope.of("reviews", id);
        List<Review> rows = cursors.after(page, scope)
                .map(key -> reviews.pageAfter(id, key.number(0), page.fetchSize()))
                .orElseGet(() -> reviews.firstPage(id, page.fetchSize()));
        Map<UUID, AccountRef> people = accounts.findByIds(rows.stream().map(Review::reviewerId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return cursors.page(rows, page, scope, r -> List.of(r.seq()), r -> ReviewView.of(r, people));
    }

    /**
     * Initiatives waiting for an answer past their due date, in a municipality where the caller is an
     * official, or in the caller's own wijk when they chair its platform.
     */
    @Transactional
    public Page<InitiativeView> overdue(UUID actor, UUID municipalityId, @Nullable UUID wijkId, PageRequest page) {
        boolean official = authorizations.has(actor, Role.OFFICIAL, municipalityId);
        boolean chairOfWijk = wijkId != null && geography.wijkplatformIdOf(wijkId)
                .filter(platform -> authorizations.has(actor, Role.CHAIR, platform)).isPresent();
        if (!official && !chairOfWijk) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
        return overduePage(municipalityId, wijkId, page);
    }

    /**
     * The overdue initiatives of the platform's wijk, for its board: the chair, and the secretary, who
     * reads everything the chair reads.
     */
    @Transactional
    public Page<InitiativeView> overdueForBoard(UUID actor, UUID wijkplatformId, PageRequest page) {
        WijkplatformView platform = requireBoard(actor, wijkplatformId);
        return overduePage(platform.municipalityId(), platform.wijkId(), page);
    }

    /**
     * The initiatives of the platform's wijk in review and still within their answer term, which the
     * chair may review: the first due first. For the chair and the secretary.
     */
    @Transactional
    public Page<InitiativeView> inReviewForBoard(UUID actor, UUID wijkplatformId, PageRequest page) {
        WijkplatformView platform = requireBoard(actor, wijkplatformId);
        LocalDate today = today();
        ListScope scope = ListScope.of("in-review-in-term", platform.wijkId());
        List<Initiative> rows = cursors.after(page, scope)
                .map(key -> initiatives.inTermInWijkPageAfter(platform.municipalityId(), platform.wijkId(), today,
                        key.date(0), key.text(1), page.fetchSize()))
                .orElseGet(() -> initiatives.inTermInWijkFirstPage(platform.municipalityId(), platform.wijkId(), today,
                        page.fetchSize()));
        return byDueDate(rows, page, scope);
    }

    /** What the official owns and still has to answer in the municipality: the first due first. */
    @Transactional
    public Page<InitiativeView> ownedByMe(UUID actor, UUID municipalityId, PageRequest page) {
        requireOfficial(actor, municipalityId);
        ListScope scope = ListScope.of("owned-in-review", municipalityId, actor);
        List<Initiative> rows = cursors.after(page, scope)
                .map(key -> initiatives.ownedInReviewPageAfter(actor, municipalityId, key.date(0), key.text(1), page.fetchSize()))
                .orElseGet(() -> initiatives.ownedInReviewFirstPage(actor, municipalityId, page.fetchSize()));
        return byDueDate(rows, page, scope);
    }

    /**
     * Submitted initiatives of the municipality that no official owns yet (the answer term starts when
     * one takes it), for its officials: the longest waiting first.
     */
    @Transactional
    public Page<InitiativeView> awaitingOwner(UUID actor, UUID municipalityId, PageRequest page) {
        requireOfficial(actor, municipalityId);
        ListScope scope = ListScope.of("awaiting-owner", municipalityId);
        List<Initiative> rows = cursors.after(page, scope)
                .map(key -> initiatives.awaitingOwnerPageAfter(municipalityId, key.instant(0), key.text(1), page.fetchSize()))
                .orElseGet(() -> initiatives.awaitingOwnerFirstPage(municipalityId, page.fetchSize()));
        Map<UUID, AccountRef> people = peopleOf(rows);
        return cursors.page(rows, page, scope, i -> List.of(i.submittedAt(), i.id()), i -> InitiativeView.of(i, false, people));
    }

    /**
     * An initiative in the workspace of those who handle it: the officials of its municipality and the
     * board of its wijk's platform. Anyone may read it on its public page, but only they here, with the
     * steps they may take now.
     */
    @Transactional
    public Handling handling(UUID id, UUID actor) {
        Initiative initiative = requireVisible(initiatives.findById(id).orElse(null), actor);
        Set<Party> parties = partiesOf(actor, initiative);
        if (!parties.contains(Party.OFFICIAL) && !parties.contains(Party.CHAIR) && !parties.contains(Party.SECRETARY)) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
        boolean mayAssignOwner = InitiativeTransition.ASSIGN_OWNER.madeBy(parties)
                && (initiative.status() == InitiativeStatus.SUBMITTED || initiative.status() == InitiativeStatus.IN_REVIEW);
        boolean mayReview = initiative.status() == InitiativeStatus.IN_REVIEW && !actor.equals(initiative.authorId())
                && InitiativeTransition.APPROVE.madeBy(parties);
        return new Handling(view(initiative, actor), mayAssignOwner, mayReview);
    }

    /** Today in the municipality: an answer is overdue when its due date lies before it. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(MUNICIPAL_TIME));
    }

    private Page<InitiativeView> overduePage(UUID municipalityId, @Nullable UUID wijkId, PageRequest page) {
        LocalDate today = today();
        ListScope scope = ListScope.of("overdue-initiatives", municipalityId, wijkId);
        List<Initiative> rows = cursors.after(page, scope)
                .map(key -> wijkId == null
                        ? initiatives.overduePageAfter(municipalityId, today, key.date(0), key.text(1), page.fetchSize())
                        : initiatives.overdueInWijkPageAfter(municipalityId, wijkId, today, key.date(0), key.text(1), page.fetchSize()))
                .orElseGet(() -> wijkId == null
                        ? initiatives.overdueFirstPage(municipalityId, today, page.fetchSize())
                        : initiatives.overdueInWijkFirstPage(municipalityId, wijkId, today, page.fetchSize()));
        return byDueDate(rows, page, scope);
    }

    private Page<InitiativeView> byDueDate(List<Initiative> rows, PageRequest page, ListScope scope) {
        Map<UUID, AccountRef> people = peopleOf(rows);
        return cursors.page(rows, page, scope, i -> List.of(i.answerDueDate(), i.id()),
                i -> InitiativeView.of(i, false, people));
    }

    private Map<UUID, AccountRef> peopleOf(List<Initiative> rows) {
        return accounts.findByIds(rows.stream()
                .flatMap(i -> Stream.of(i.authorId(), i.ownerId())).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    private void requireOfficial(UUID actor, UUID municipalityId) {
        if (!authorizations.has(actor, Role.OFFICIAL, municipalityId)) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
    }

    /** The platform, when the actor is its chair or secretary. */
    private WijkplatformView requireBoard(UUID actor, UUID wijkplatformId) {
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        if (!authorizations.has(actor, Role.CHAIR, wijkplatformId) && !authorizations.has(actor, Role.SECRETARY, wijkplatformId)) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
        return platform;
    }

    /** Locks a visible initiative for a change; what the actor may not see does not exist for them. */
    Initiative lockVisible(UUID id, UUID actor) {
        return requireVisible(initiatives.findByIdForUpdate(id).orElse(null), actor);
    }

    static Initiative requireVisible(@Nullable Initiative initiative, @Nullable UUID viewer) {
        if (initiative == null || !initiative.visibleTo(viewer)) {
            throw ApiException.notFound("problem.notFound.initiative");
        }
        return initiative;
    }

    /** How the actor relates to the initiative, read from the current role assignments. */
    Set<Party> partiesOf(UUID actor, Initiative initiative) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (actor.equals(initiative.authorId())) {
            parties.add(Party.AUTHOR);
        }
        // Owning an answer needs the official role still: a revoked official stops at once.
        if (authorizations.has(actor, Role.OFFICIAL, initiative.municipalityId())) {
            parties.add(Party.OFFICIAL);
            if (actor.equals(initiative.ownerId())) {
                parties.add(Party.OWNER);
            }
        }
        geography.wijkplatformIdOf(initiative.wijkId()).ifPresent(platform -> {
            if (authorizations.has(actor, Role.CHAIR, platform)) {
                parties.add(Party.CHAIR);
            }
            if (authorizations.has(actor, Role.SECRETARY, platform)) {
                parties.add(Party.SECRETARY);
            }
        });
        return parties;
    }

    void publish(Initiative initiative, InitiativeEvent.Kind kind, @Nullable UUID actor, @Nullable UUID commentAuthor,
                 @Nullable String reason, Instant now) {
        Set<UUID> supporters = new LinkedHashSet<>();
        supports.supporters(initiative.id()).forEach(id -> supporters.add(UUID.fromString(id)));
        events.publishEvent(new InitiativeEvent(initiative.id(), kind, actor, initiative.municipalityId(),
                initiative.wijkId(), initiative.authorId(), initiative.ownerId(), supporters, initiative.title(),
                commentAuthor, reason, now));
    }

    /**
     * Every transition leaves a line in the history and tells the people concerned about the
     * initiative as it is after the step. A null actor is the system.
     */
    private StatusChange record(Initiative before, Initiative after, InitiativeTransition transition, @Nullable UUID actor,
                                @Nullable String reason, @Nullable String reasonCode, Instant now) {
        StatusChange change = statusChanges.save(new StatusChange(UUID.randomUUID(), null, before.id(), transition,
                before.status(), transition.target(), actor, reason, reasonCode, now));
        publish(after, transition.eventKind(), actor, null, reason, now);
        return change;
    }

    private void requireBuurtInWijk(@Nullable UUID buurtId, UUID wijkId) {
        if (!geography.isNoBuurtOrOneOf(buurtId, wijkId)) {
            throw ApiException.invalid("buurtId", "validation.buurt.notInWijk");
        }
    }

    private InitiativeView view(Initiative initiative, @Nullable UUID viewer) {
        boolean supported = viewer != null && supports.exists(initiative.id(), viewer);
        List<UUID> people = Stream.of(initiative.authorId(), initiative.ownerId()).filter(Objects::nonNull).toList();
        return InitiativeView.of(initiative, supported, accounts.findByIds(people));
    }
}
