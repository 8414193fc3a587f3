package nl.wijkopmaat.budget;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.account.PersonRef;
import nl.wijkopmaat.budget.Budget.Move;
import nl.wijkopmaat.budget.BudgetCommands.ContributionRequest;
import nl.wijkopmaat.budget.BudgetCommands.GrantRequest;
import nl.wijkopmaat.budget.BudgetCommands.PayoutRequest;
import nl.wijkopmaat.budget.BudgetCommands.ReleaseRequest;
import nl.wijkopmaat.budget.BudgetCommands.SettingsRequest;
import nl.wijkopmaat.budget.BudgetViews.BudgetAccountView;
import nl.wijkopmaat.budget.BudgetViews.BoardGrantView;
import nl.wijkopmaat.budget.BudgetViews.BoardYearView;
import nl.wijkopmaat.budget.BudgetViews.BudgetYearView;
import nl.wijkopmaat.budget.BudgetViews.EntryView;
import nl.wijkopmaat.budget.BudgetViews.GrantView;
import nl.wijkopmaat.budget.BudgetViews.SettingsView;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.Cursors;
import nl.wijkopmaat.common.paging.ListScope;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Authorizations;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkplatformView;
import nl.wijkopmaat.initiative.FundableInitiative;
import nl.wijkopmaat.initiative.InitiativeFunding;
import nl.wijkopmaat.initiative.InitiativeService;
import nl.wijkopmaat.initiative.InitiativeStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The wijkbudget of every wijkplatform: a yearly ledger to which money is only ever added as new
 * entries. Every change locks the year's budget row first, so that changes to one budget are applied
 * one after the other, also across server instances; the totals on that row decide whether a change
 * fits, and a change that would spend more than is available changes nothing and gets a 409 with the
 * available amount.
 */
@Singleton
public class BudgetService {

    static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");

    private final BudgetRepository budgets;
    private final GrantRepository grants;
    private final LedgerRepository ledger;
    private final LedgerQueries ledgerQueries;
    private final BudgetSettingsRepository settings;
    private final GeographyService geography;
    private final InitiativeService initiatives;
    private final AccountService accounts;
    private final Authorizations authorizations;
    private final ApplicationEventPublisher<BudgetEvent> events;
    private final Cursors cursors;
    private final Clock clock;
    private final long defaultThresholdCents;
    private final YearEndPolicy defaultPolicy;

    BudgetService(BudgetRepository budgets, GrantRepository grants, LedgerRepository ledger, LedgerQueries ledgerQueries,
                  BudgetSettingsRepository settings, GeographyService geography, InitiativeService initiatives,
                  AccountService accounts, Authorizations authorizations, ApplicationEventPublisher<BudgetEvent> events,
                  Cursors cursors, Clock clock,
                  @Value("${wijkopmaat.budget.default-grant-threshold-cents}") long defaultThresholdCents,
                  @Value("${wijkopmaat.budget.default-year-end-policy}") YearEndPolicy defaultPolicy) {
        this.budgets = budgets;
        this.grants = grants;
        this.ledger = ledger;
        this.ledgerQueries = ledgerQueries;
        this.settings = settings;
        this.geography = geography;
        this.initiatives = initiatives;
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.events = events;
        this.cursors = cursors;
        this.clock = clock;
        this.defaultThresholdCents = defaultThresholdCents;
        this.defaultPolicy = defaultPolicy;
    }

    /** What a ledger entry says besides its type and amount. */
    private record Details(@Nullable UUID grantId, @Nullable UUID initiativeId, @Nullable String partnerName,
                           @Nullable LocalDate paidOn, @Nullable String reference, @Nullable String reason) {

        static final Details NONE = new Details(null, null, null, null, null, null);

        static Details of(Grant grant) {
            return new Details(grant.id(), grant.initiativeId(), null, null, null, null);
        }
    }

    /** A year's totals after an entry, and the entry. */
    private record Booked(Budget budget, LedgerEntry entry) {
    }

    /** A line of the ledger's CSV: the entry and the title of its initiative, if it has one. */
    record LedgerLine(EntryView entry, @Nullable String initiativeTitle) {
    }

    // Settings

    @Transactional
    public SettingsView settings(UUID municipalityId) {
        geography.getMunicipality(municipalityId);
        return settingsOf(municipalityId);
    }

    @Transactional
    public SettingsView updateSettings(UUID actor, UUID municipalityId, SettingsRequest request) {
        geography.getMunicipality(municipalityId);
        authorizations.require(actor, Role.ADMIN, municipalityId);
        settings.put(municipalityId, request.grantThresholdCents(), request.yearEndPolicy().name(), clock.instant());
        return settingsOf(municipalityId);
    }

    /** The settings as the admins who change them read them: refused to everyone else, like the change. */
    @Transactional
    public SettingsView settingsForAdmin(UUID actor, UUID municipalityId) {
        geography.getMunicipality(municipalityId);
        authorizations.require(actor, Role.ADMIN, municipalityId);
        return settingsOf(municipalityId);
    }

    private SettingsView settingsOf(UUID municipalityId) {
        return settings.findById(municipalityId)
                .map(s -> new SettingsView(municipalityId, s.grantThresholdCents(), s.yearEndPolicy()))
                .orElseGet(() -> new SettingsView(municipalityId, defaultThresholdCents, defaultPolicy));
    }

    // The account for residents

    @Transactional
    public Page<BudgetYearView> years(UUID wijkplatformId, PageRequest page) {
        geography.getWijkplatform(wijkplatformId);
        ListScope scope = ListScope.of("budget-years", wijkplatformId);
        List<Budget> rows = cursors.after(page, scope)
                .map(key -> budgets.yearsPageAfter(wijkplatformId, (int) key.number(0), page.fetchSize()))
                .orElseGet(() -> budgets.yearsFirstPage(wijkplatformId, page.fetchSize()));
        return cursors.page(rows, page, scope, b -> List.of(b.year()), BudgetYearView::of);
    }

    /** Public: a year nobody has put money in yet is empty, if it is one that can still receive money. */
    @Transactional
    public BudgetAccountView account(UUID wijkplatformId, int year) {
        Optional<Budget> budget = budgets.find(wijkplatformId, year);
        if (budget.isPresent()) {
            return BudgetAccountView.of(budget.get(), grants.allOf(budget.get().id()));
        }
        geography.getWijkplatform(wijkplatformId);
        if (!inWindow(year)) {
            throw ApiException.notFound("problem.notFound.budget");
        }
        return BudgetAccountView.empty(wijkplatformId, year);
    }

    @Transactional
    public Page<GrantView> grants(UUID wijkplatformId, int year, PageRequest page) {
        Optional<Budget> found = budgets.find(wijkplatformId, year);
        ListScope scope = ListScope.of("grants", wijkplatformId, year);
        if (found.isEmpty()) {
            geography.getWijkplatform(wijkplatformId);
            cursors.after(page, scope);
            return new Page<>(List.of(), null);
        }
        Budget budget = found.get();
        List<Grant> rows = cursors.after(page, scope)
                .map(key -> grants.pageAfter(budget.id(), key.number(0), page.fetchSize()))
                .orElseGet(() -> grants.firstPage(budget.id(), page.fetchSize()));
        return cursors.page(rows, page, scope, g -> List.of(g.seq()), g -> GrantView.of(g, budget));
    }

    // Lists for the board and the municipality

    @Transactional
    public Page<EntryView> ledger(UUID actor, UUID wijkplatformId, int year, PageRequest page) {
        return entries(readable(actor, wijkplatformId, year).map(b -> LedgerQueries.Filter.year(b.id())),
                ListScope.of("ledger", wijkplatformId, year), page);
    }

    @Transactional
    public Page<EntryView> contributions(UUID actor, UUID wijkplatformId, int year, PageRequest page) {
        return entries(readable(actor, wijkplatformId, year)
                        .map(b -> LedgerQueries.Filter.yearOfType(b.id(), EntryType.CONTRIBUTION)),
                ListScope.of("contributions", wijkplatformId, year), page);
    }

    @Transactional
    public Page<EntryView> payouts(UUID actor, UUID grantId, PageRequest page) {
        return grantEntries(actor, grantId, EntryType.PAYOUT, page);
    }

    @Transactional
    public Page<EntryView> releases(UUID actor, UUID grantId, PageRequest page) {
        return grantEntries(actor, grantId, EntryType.RELEASE, page);
    }

    /**
     * A year's budget for a reader of its ledger: the board and the municipality's admins. The
     * budget row names its platform and municipality; only a year without one needs the platform.
     */
    private Optional<Budget> readable(UUID actor, UUID wijkplatformId, int year) {
        Optional<Budget> budget = budgets.find(wijkplatformId, year);
        UUID municipalityId = budget.map(Budget::municipalityId)
                .orElseGet(() -> geography.getWijkplatform(wijkplatformId).municipalityId());
        requireReader(actor, municipalityId, wijkplatformId);
        return budget;
    }

    /** Whether the actor may read the platform's ledger, so that a page offers its download only to them. */
    @Transactional
    public boolean mayReadLedger(UUID actor, UUID wijkplatformId) {
        return isReader(actor, geography.getWijkplatform(wijkplatformId).municipalityId(), wijkplatformId);
    }

    /** The whole ledger of a year, for the annual accountability report. */
    @Transactional
    public List<LedgerLine> ledgerExport(UUID actor, UUID wijkplatformId, int year) {
        Optional<Budget> budget = readable(actor, wijkplatformId, year);
        if (budget.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> titles = new HashMap<>();
        grants.allOf(budget.get().id()).forEach(grant -> titles.put(grant.initiativeId(), grant.initiativeTitle()));
        List<LedgerQueries.Row> rows = ledgerQueries.all(budget.get().id());
        Map<UUID, AccountRef> people = people(rows);
        return rows.stream()
                .map(row -> new LedgerLine(EntryView.of(row.entry(), row.actorId(), people),
                        row.entry().initiativeId() == null ? null : titles.get(row.entry().initiativeId())))
                .toList();
    }

    private Page<EntryView> grantEntries(UUID actor, UUID grantId, EntryType type, PageRequest page) {
        Budget budget = budgets.findByGrant(grantId).orElseThrow(() -> ApiException.notFound("problem.notFound.grant"));
        requireReader(actor, budget.municipalityId(), budget.wijkplatformId());
        return entries(Optional.of(LedgerQueries.Filter.grantOfType(grantId, type)),
                ListScope.of(type == EntryType.PAYOUT ? "payouts" : "releases", grantId), page);
    }

    private Page<EntryView> entries(Optional<LedgerQueries.Filter> filter, ListScope scope, PageRequest page) {
        var after = cursors.after(page, scope);
        if (filter.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        List<LedgerQueries.Row> rows = ledgerQueries.page(filter.get(), after, page.fetchSize());
        Map<UUID, AccountRef> people = people(rows);
        return cursors.page(rows, page, scope, row -> List.of(row.entry().seq()),
                row -> EntryView.of(row.entry(), row.actorId(), people));
    }

    /** A year's account as the admins who allocate and close it read it: refused to everyone else. */
    @Transactional
    public BudgetAccountView accountForAdmin(UUID actor, UUID wijkplatformId, int year) {
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        authorizations.require(actor, Role.ADMIN, platform.municipalityId());
        return account(wijkplatformId, year);
    }

    private Map<UUID, AccountRef> people(List<LedgerQueries.Row> rows) {
        Set<UUID> ids = rows.stream().map(LedgerQueries.Row::actorId).filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : accounts.findByIds(ids);
    }

    // Money in

    /** The admin sets the municipal amount; the ledger records the difference, never an overwrite. */
    @Transactional
    public BudgetAccountView allocate(UUID actor, UUID wijkplatformId, int year, long amountCents) {
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        authorizations.require(actor, Role.ADMIN, platform.municipalityId());
        requireWindow(year);
        Instant now = clock.instant();
        Budget budget = requireOpen(lockYear(platform.id(), platform.municipalityId(), year, now));
        long difference = amountCents - budget.allocatedCents();
        if (difference != 0) {
            budget = book(budget, Move.allocation(difference), EntryType.ALLOCATION, difference, Details.NONE, actor, now)
                    .budget();
        }
        return BudgetAccountView.of(budget, grants.allOf(budget.id()));
    }

    @Transactional
    public EntryView contribute(UUID actor, UUID wijkplatformId, int year, ContributionRequest request) {
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        if (!authorizations.has(actor, Role.ADMIN, platform.municipalityId())
                && !authorizations.has(actor, Role.CHAIR, wijkplatformId)) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
        requireWindow(year);
        Instant now = clock.instant();
        Budget budget = requireOpen(lockYear(platform.id(), platform.municipalityId(), year, now));
        Details details = new Details(null, null, request.partnerName(), null, null, blankToNull(request.note()));
        LedgerEntry entry = book(budget, Move.contribution(request.amountCents()), EntryType.CONTRIBUTION,
                request.amountCents(), details, actor, now).entry();
        return entryView(entry, actor);
    }

    // Grants

    /**
     * A grant to an approved (or already funded: a top-up) initiative of the platform's wijk. The
     * chair's grant below the municipality's threshold is committed at once; a larger one, and every
     * grant the secretary prepares, is reserved until a second board member confirms it.
     */
    @Transactional
    public GrantView grant(UUID actor, UUID wijkplatformId, int year, GrantRequest request) {
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        Role role = boardRole(actor, wijkplatformId).orElseThrow(() -> ApiException.forbidden("problem.forbidden.role"));
        requireWindow(year);
        InitiativeFunding initiative = initiatives.funding(request.initiativeId())
                .orElseThrow(() -> ApiException.invalid("initiativeId", "validation.grant.initiative"));
        if (!initiative.wijkId().equals(platform.wijkId())) {
            throw ApiException.conflict("problem.conflict.grant.otherWijk");
        }
        if (!initiative.fundable()) {
            throw ApiException.conflict("problem.conflict.grant.notApproved", Map.of("status", initiative.status().name()));
        }
        long amount = request.amountCents();
        boolean atOnce = role == Role.CHAIR && amount < settingsOf(platform.municipalityId()).grantThresholdCents();
        Instant now = clock.instant();
        Budget budget = requireOpen(lockYear(platform.id(), platform.municipalityId(), year, now));
        requireAvailable(budget, amount);
        Grant grant = grants.save(new Grant(UUID.randomUUID(), null, budget.id(), initiative.id(), initiative.title(),
                amount, 0, 0, atOnce ? GrantStatus.COMMITTED : GrantStatus.PENDING, blankToNull(request.note()), role,
                actor, atOnce ? actor : null, now, atOnce ? now : null));
        if (atOnce) {
            book(budget, Move.commitment(amount), EntryType.GRANT_COMMITTED, amount, Details.of(grant), actor, now);
            committed(grant, initiative, budget, actor, now);
        } else {
            book(budget, Move.reservation(amount), EntryType.GRANT_RESERVED, amount, Details.of(grant), actor, now);
            publish(BudgetEvent.Kind.GRANT_PENDING, grant, initiative, budget, actor, amount, now);
        }
        return GrantView.of(grant, budget);
    }

    /**
     * A second board member co-signs a pending grant: never its proposer, and the chair when the
     * secretary prepared it.
     */
    @Transactional
    public GrantView confirm(UUID actor, UUID grantId) {
        Locked locked = lockGrant(grantId);
        Role role = boardRole(actor, locked.budget().wijkplatformId())
                .orElseThrow(() -> ApiException.forbidden("problem.forbidden.role"));
        Grant grant = locked.grant();
        GrantStatus target = GrantTransition.CONFIRM.from(grant.status());
        confirmRefusal(actor, role, grant).ifPresent(code -> {
            throw ApiException.forbidden(code);
        });
        Instant now = clock.instant();
        Booked booked = book(locked.budget(), Move.confirmation(grant.amountCents()), EntryType.GRANT_COMMITTED,
                grant.amountCents(), Details.of(grant), actor, now);
        Grant confirmed = grants.update(grant.decided(target, actor, now));
        InitiativeFunding initiative = initiatives.funding(grant.initiativeId())
                .orElseThrow(() -> ApiException.notFound("problem.notFound.initiative"));
        committed(confirmed, initiative, booked.budget(), actor, now);
        return GrantView.of(confirmed, booked.budget());
    }

    /** Either board member cancels a pending grant; its money is free again. */
    @Transactional
    public GrantView cancel(UUID actor, UUID grantId) {
        Locked locked = lockGrant(grantId);
        boardRole(actor, locked.budget().wijkplatformId())
                .orElseThrow(() -> ApiException.forbidden("problem.forbidden.role"));
        Grant grant = locked.grant();
        GrantStatus target = GrantTransition.CANCEL.from(grant.status());
        Instant now = clock.instant();
        Budget budget = book(locked.budget(), Move.cancellation(grant.amountCents()), EntryType.GRANT_CANCELLED,
                grant.amountCents(), Details.of(grant), actor, now).budget();
        budget = afterClosing(budget, grant.amountCents(), actor, now);
        return GrantView.of(grants.update(grant.decided(target, actor, now)), budget);
    }

    /**
     * Why this board member may not confirm the grant, empty when they may: nobody confirms their own
     * proposal, and what the secretary prepared is the chair's to confirm.
     */
    private static Optional<String> confirmRefusal(UUID actor, Role role, Grant grant) {
        if (actor.equals(grant.proposedBy())) {
            return Optional.of("problem.forbidden.grant.ownProposal");
        }
        if (grant.proposedAs() == Role.SECRETARY && role != Role.CHAIR) {
            return Optional.of("problem.forbidden.grant.chairDecides");
        }
        return Optional.empty();
    }

    // The board's workspace

    /**
     * A year as the board works on it, for the readers of its ledger (the board; the municipality's
     * admins, who only read): its figures, the municipality's threshold, and a page of its grants with
     * who proposed and decided each and what the reader may still do with it.
     */
    @Transactional
    public BoardYearView boardYear(UUID actor, UUID wijkplatformId, int year, PageRequest page) {
        Optional<Budget> found = readable(actor, wijkplatformId, year);
        ListScope scope = ListScope.of("board-grants", wijkplatformId, year);
        var after = cursors.after(page, scope);
        if (found.isEmpty() && !inWindow(year)) {
            throw ApiException.notFound("problem.notFound.budget");
        }
        Optional<Role> role = boardRole(actor, wijkplatformId);
        UUID municipalityId = found.map(Budget::municipalityId)
                .orElseGet(() -> geography.getWijkplatform(wijkplatformId).municipalityId());
        long threshold = settingsOf(municipalityId).grantThresholdCents();
        if (found.isEmpty()) {
            return new BoardYearView(BudgetAccountView.empty(wijkplatformId, year), role.orElse(null), threshold,
                    new Page<>(List.of(), null));
        }
        Budget budget = found.get();
        List<Grant> rows = after.map(key -> grants.pageAfter(budget.id(), key.number(0), page.fetchSize()))
                .orElseGet(() -> grants.firstPage(budget.id(), page.fetchSize()));
        Map<UUID, AccountRef> people = deciders(rows);
        Page<BoardGrantView> shown = cursors.page(rows, page, scope, g -> List.of(g.seq()),
                g -> boardGrantView(actor, role, g, budget, people));
        return new BoardYearView(BudgetAccountView.of(budget, List.of()), role.orElse(null), threshold, shown);
    }

    /** One grant as its board sees it, for the readers of its ledger. */
    @Transactional
    public BoardGrantView boardGrant(UUID actor, UUID grantId) {
        Budget budget = budgetOf(grantId);
        requireReader(actor, budget.municipalityId(), budget.wijkplatformId());
        Grant grant = grants.findById(grantId).orElseThrow(() -> ApiException.notFound("problem.notFound.grant"));
        return boardGrantView(actor, boardRole(actor, budget.wijkplatformId()), grant, budget, deciders(List.of(grant)));
    }

    /** The initiatives of the platform's wijk that a grant may go to, for the board members who grant. */
    @Transactional
    public List<FundableInitiative> fundableInitiatives(UUID actor, UUID wijkplatformId, int limit) {
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        boardRole(actor, wijkplatformId).orElseThrow(() -> ApiException.forbidden("problem.forbidden.role"));
        return initiatives.fundableIn(platform.wijkId(), limit);
    }

    private BoardGrantView boardGrantView(UUID actor, Optional<Role> role, Grant grant, Budget budget,
                                          Map<UUID, AccountRef> people) {
        boolean pending = grant.status() == GrantStatus.PENDING;
        boolean mayConfirm = pending && role.isPresent() && confirmRefusal(actor, role.get(), grant).isEmpty();
        // boardRole names the chair first, so this is the chair's right that payout and release check.
        boolean mayPay = grant.status() == GrantStatus.COMMITTED && grant.openCents() > 0 && role.orElse(null) == Role.CHAIR;
        return new BoardGrantView(GrantView.of(grant, budget), grant.proposedAs(), PersonRef.of(grant.proposedBy(), people),
                PersonRef.of(grant.decidedBy(), people), grant.openCents(), mayConfirm, pending && role.isPresent(), mayPay);
    }

    private Map<UUID, AccountRef> deciders(List<Grant> rows) {
        Set<UUID> ids = rows.stream().flatMap(g -> Stream.of(g.proposedBy(), g.decidedBy()))
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : accounts.findByIds(ids);
    }

    // Payouts and releases

    @Transactional
    public EntryView payout(UUID actor, UUID grantId, PayoutRequest request) {
        Locked locked = lockCommittedGrant(actor, grantId);
        Grant grant = locked.grant();
        long amount = request.amountCents();
        requireOpenOnGrant(grant, amount);
        Instant now = clock.instant();
        Details details = new Details(grant.id(), grant.initiativeId(), null, request.paidOn(), request.reference(), null);
        LedgerEntry entry = book(locked.budget(), Move.payout(amount), EntryType.PAYOUT, amount, details, actor, now).entry();
        grants.update(grant.spent(amount, 0));
        initiatives.funding(grant.initiativeId()).ifPresent(initiative ->
                publish(BudgetEvent.Kind.PAYOUT, grant, initiative, locked.budget(), actor, amount, now));
        return entryView(entry, actor);
    }

    /**
     * What an initiative did not use goes back to the year's available money; in a closed year it
     * follows the municipality's year-end policy at once.
     */
    @Transactional
    public EntryView release(UUID actor, UUID grantId, ReleaseRequest request) {
        Locked locked = lockCommittedGrant(actor, grantId);
        Grant grant = locked.grant();
        long amount = request.amountCents();
        requireOpenOnGrant(grant, amount);
        Instant now = clock.instant();
        Details details = new Details(grant.id(), grant.initiativeId(), null, null, null, request.reason());
        Booked booked = book(locked.budget(), Move.release(amount), EntryType.RELEASE, amount, details, actor, now);
        grants.update(grant.spent(0, amount));
        afterClosing(booked.budget(), amount, actor, now);
        return entryView(booked.entry(), actor);
    }

    // Year end

    /**
     * The admin closes a year: what is neither granted nor reserved goes into the next year or back to
     * the municipality, as its policy says. A closed year takes no new money and no new grants.
     */
    @Transactional
    public BudgetAccountView close(UUID actor, UUID wijkplatformId, int year) {
        WijkplatformView platform = geography.getWijkplatform(wijkplatformId);
        authorizations.require(actor, Role.ADMIN, platform.municipalityId());
        if (year > currentYear()) {
            throw ApiException.conflict("problem.conflict.budget.notStarted", Map.of("year", year));
        }
        if (!inWindow(year) && budgets.find(wijkplatformId, year).isEmpty()) {
            throw ApiException.notFound("problem.notFound.budget");
        }
        Instant now = clock.instant();
        Budget budget = requireOpen(lockYear(platform.id(), platform.municipalityId(), year, now)).closedAt(now);
        budget = leaveYear(budget, budget.availableCents(), actor, now);
        return BudgetAccountView.of(budget, grants.allOf(budget.id()));
    }

    /** Money that becomes available in a closed year follows the policy at once. */
    private Budget afterClosing(Budget budget, long amount, UUID actor, Instant now) {
        return budget.closed() ? leaveYear(budget, amount, actor, now) : budget;
    }

    /**
     * Moves {@code amount} out of a closed year: into the next year (locked after this one, so locks
     * are always taken in the order of the years) or back to the municipality.
     */
    private Budget leaveYear(Budget budget, long amount, UUID actor, Instant now) {
        if (settingsOf(budget.municipalityId()).yearEndPolicy() == YearEndPolicy.RETURN) {
            return book(budget, Move.returning(amount), EntryType.RETURNED, amount, Details.NONE, actor, now).budget();
        }
        Budget closed = book(budget, Move.carryOut(amount), EntryType.CARRY_OVER_OUT, amount, Details.NONE, actor, now)
                .budget();
        Budget next = lockYear(budget.wijkplatformId(), budget.municipalityId(), budget.year() + 1, now);
        next = book(next, Move.carryIn(amount), EntryType.CARRY_OVER_IN, amount, Details.NONE, actor, now).budget();
        afterClosing(next, amount, actor, now);
        return closed;
    }

    // Locks and checks

    /** A grant with its budget row locked, and then the grant itself (read with a lock, so it is current). */
    private record Locked(Budget budget, Grant grant) {
    }

    private Budget budgetOf(UUID grantId) {
        return budgets.findByGrant(grantId).orElseThrow(() -> ApiException.notFound("problem.notFound.grant"));
    }

    private Locked lockGrant(Budget unlocked, UUID grantId) {
        Budget budget = budgets.findByIdForUpdate(unlocked.id()).orElseThrow();
        return new Locked(budget, grants.findByIdForUpdate(grantId).orElseThrow());
    }

    private Locked lockGrant(UUID grantId) {
        return lockGrant(budgetOf(grantId), grantId);
    }

    /** Payouts and releases are the chair's, on committed grants. */
    private Locked lockCommittedGrant(UUID actor, UUID grantId) {
        Budget unlocked = budgetOf(grantId);
        authorizations.require(actor, Role.CHAIR, unlocked.wijkplatformId());
        Locked locked = lockGrant(unlocked, grantId);
        if (locked.grant().status() != GrantStatus.COMMITTED) {
            throw ApiException.conflict("problem.conflict.grant.notCommitted", Map.of("status", locked.grant().status().name()));
        }
        return locked;
    }

    /**
     * The year's row, locked. It is created first if need be, by a statement that the unique key
     * decides: a lock is never taken on a row that is not there (that would lock a gap, and parallel
     * inserts into it deadlock).
     */
    private Budget lockYear(UUID wijkplatformId, UUID municipalityId, int year, Instant now) {
        budgets.ensure(UUID.randomUUID(), wijkplatformId, municipalityId, year, now);
        return budgets.findForUpdate(wijkplatformId, year).orElseThrow();
    }

    /**
     * Appends an entry and the year's totals after it. The caller holds the year's lock; a move that
     * would make the available amount negative is refused before anything is written.
     */
    private Booked book(Budget budget, Move move, EntryType type, long amount, Details details, @Nullable UUID actor,
                        Instant now) {
        Budget after = budget.apply(move, now);
        if (after.availableCents() < 0) {
            throw overspend(budget.availableCents());
        }
        budgets.update(after);
        LedgerEntry entry = ledger.save(new LedgerEntry(UUID.randomUUID(), null, budget.id(), type, amount,
                after.availableCents(), details.grantId(), details.initiativeId(), details.partnerName(),
                details.paidOn(), details.reference(), details.reason(), now));
        if (actor != null) {
            ledger.recordActor(entry.id(), actor);
        }
        return new Booked(after, entry);
    }

    /** A funded initiative (a top-up) has nothing to move; the initiative feature decides for an approved one. */
    private void committed(Grant grant, InitiativeFunding initiative, Budget budget, UUID actor, Instant now) {
        if (initiative.status() == InitiativeStatus.APPROVED) {
            initiatives.markFunded(initiative.id(), actor);
        }
        publish(BudgetEvent.Kind.GRANT_COMMITTED, grant, initiative, budget, actor, grant.amountCents(), now);
    }

    private void publish(BudgetEvent.Kind kind, Grant grant, InitiativeFunding initiative, Budget budget,
                         UUID actor, long amount, Instant now) {
        events.publishEvent(new BudgetEvent(kind, grant.id(), actor, budget.wijkplatformId(), grant.proposedAs(), initiative.id(),
                initiative.title(), initiative.authorId(), initiative.supporterIds(), amount, now));
    }

    private static void requireAvailable(Budget budget, long amount) {
        if (amount > budget.availableCents()) {
            throw overspend(budget.availableCents());
        }
    }

    private static void requireOpenOnGrant(Grant grant, long amount) {
        if (amount > grant.openCents()) {
            Map<String, Object> args = new HashMap<>(Euros.arguments("available", grant.openCents()));
            throw ApiException.conflict("problem.conflict.grant.overspend", args, Map.of("availableCents", grant.openCents()));
        }
    }

    private static ApiException overspend(long available) {
        Map<String, Object> args = new HashMap<>(Euros.arguments("available", available));
        return ApiException.conflict("problem.conflict.budget.overspend", args, Map.of("availableCents", available));
    }

    private static Budget requireOpen(Budget budget) {
        if (budget.closed()) {
            throw ApiException.conflict("problem.conflict.budget.closed", Map.of("year", budget.year()));
        }
        return budget;
    }

    /** The chair or the secretary of the platform, if the actor is either (the chair first). */
    private Optional<Role> boardRole(UUID actor, UUID wijkplatformId) {
        if (authorizations.has(actor, Role.CHAIR, wijkplatformId)) {
            return Optional.of(Role.CHAIR);
        }
        return authorizations.has(actor, Role.SECRETARY, wijkplatformId) ? Optional.of(Role.SECRETARY) : Optional.empty();
    }

    /** The ledger is read by the platform's board and the municipality's admins. */
    private void requireReader(UUID actor, UUID municipalityId, UUID wijkplatformId) {
        if (!isReader(actor, municipalityId, wijkplatformId)) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
    }

    private boolean isReader(UUID actor, UUID municipalityId, UUID wijkplatformId) {
        return authorizations.has(actor, Role.ADMIN, municipalityId) || boardRole(actor, wijkplatformId).isPresent();
    }

    /** Money goes into last year, this year and next year only. */
    private void requireWindow(int year) {
        if (!inWindow(year)) {
            throw ApiException.invalid("year", "validation.budget.year");
        }
    }

    private boolean inWindow(int year) {
        int current = currentYear();
        return year >= current - 1 && year <= current + 1;
    }

    private int currentYear() {
        return LocalDate.now(clock.withZone(MUNICIPAL_TIME)).getYear();
    }

    private EntryView entryView(LedgerEntry entry, UUID actor) {
        return EntryView.of(entry, actor, accounts.findByIds(Set.of(actor)));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
