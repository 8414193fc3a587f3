package nl.wijkopmaat.volunteering;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.InvalidParam;
import nl.wijkopmaat.common.paging.Cursors;
import nl.wijkopmaat.common.paging.ListScope;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Authorizations;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.volunteering.ShiftAction.Party;
import nl.wijkopmaat.volunteering.VolunteeringCommands.HoursConfirmation;
import nl.wijkopmaat.volunteering.VolunteeringCommands.HoursEntry;
import nl.wijkopmaat.volunteering.VolunteeringCommands.OpportunityChanges;
import nl.wijkopmaat.volunteering.VolunteeringCommands.OpportunityCreate;
import nl.wijkopmaat.volunteering.VolunteeringCommands.ProfileUpdate;
import nl.wijkopmaat.volunteering.VolunteeringCommands.ShiftChanges;
import nl.wijkopmaat.volunteering.VolunteeringCommands.ShiftCreate;
import nl.wijkopmaat.volunteering.VolunteeringEvent.Kind;
import nl.wijkopmaat.volunteering.VolunteeringViews.MyShiftView;
import nl.wijkopmaat.volunteering.VolunteeringViews.MyVolunteeringView;
import nl.wijkopmaat.volunteering.VolunteeringViews.OpportunityDetail;
import nl.wijkopmaat.volunteering.VolunteeringViews.OpportunityView;
import nl.wijkopmaat.volunteering.VolunteeringViews.ProfileView;
import nl.wijkopmaat.volunteering.VolunteeringViews.ShiftView;
import nl.wijkopmaat.volunteering.VolunteeringViews.SignupView;
import nl.wijkopmaat.volunteering.VolunteeringViews.TotalsView;
import nl.wijkopmaat.volunteering.VolunteeringViews.YearHoursView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Volunteering for and by residents: opportunities, their shifts, sign-ups and confirmed hours, and
 * residents' volunteer profiles.
 *
 * <p>Two locks keep the invariants under concurrent requests. A shift's row is locked for every
 * sign-up and change of it, so its seats are counted one request at a time and never exceed its
 * capacity. A person's account row is locked before any of their sign-ups changes, and before anything
 * is read, so that their sign-ups are made one after the other, each seeing the ones before: two
 * shifts that overlap can never both be theirs, also when the sign-ups for them race. Person locks
 * are always taken before shift locks, several people in the order of their ids: the notices a change
 * of a shift writes for its volunteers refer to their accounts, so a change that held the shift and
 * then waited for a volunteer's account could deadlock with that volunteer's own sign-up.
 *
 * <p>The changes of sign-ups and shifts run in READ COMMITTED: what they read after taking their
 * locks is the latest committed state, and they take no gap locks, which under REPEATABLE READ made
 * reminders of different shifts, scheduled at once under neighbouring keys, deadlock one another.
 */
@Singleton
public class VolunteeringService {

    static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");
    static final Duration LONGEST_SHIFT = Duration.ofHours(24);
    /** Shifts shown with an opportunity, and of each kind in my volunteering. */
    static final int SHOWN = 50;

    private final OpportunityRepository opportunities;
    private final ShiftRepository shifts;
    private final SignupRepository signups;
    private final ProfileRepository profiles;
    private final VolunteeringQueries queries;
    private final GeographyService geography;
    private final AccountService accounts;
    private final Authorizations authorizations;
    private final RoleAssignmentService roles;
    private final ApplicationEventPublisher<VolunteeringEvent> events;
    private final Cursors cursors;
    private final Clock clock;

    VolunteeringService(OpportunityRepository opportunities, ShiftRepository shifts, SignupRepository signups,
                        ProfileRepository profiles, VolunteeringQueries queries, GeographyService geography,
                        AccountService accounts, Authorizations authorizations, RoleAssignmentService roles,
                        ApplicationEventPublisher<VolunteeringEvent> events, Cursors cursors, Clock clock) {
        this.opportunities = opportunities;
        this.shifts = shifts;
        this.signups = signups;
        this.profiles = profiles;
        this.queries = queries;
        this.geography = geography;
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.roles = roles;
        this.events = events;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** A sign-up, and whether this request made it (a repeated sign-up returns the first). */
    record Signed(SignupView signup, boolean created) {
    }

    // Opportunities

    /** A chair of the wijk's platform or an official of its municipality publishes an opportunity. */
    @Transactional
    public OpportunityDetail create(UUID actor, OpportunityCreate command) {
        UUID municipalityId = geography.municipalityOfWijk(command.wijkId())
                .orElseThrow(() -> ApiException.invalid("wijkId", "validation.wijk.unknown"));
        List<InvalidParam> invalid = new ArrayList<>();
        requireBuurtInWijk(command.buurtId(), command.wijkId(), invalid);
        if (!manages(actor, municipalityId, command.wijkId())) {
            throw ApiException.forbidden("problem.forbidden.volunteering.organiser");
        }
        List<UUID> coordinators = coordinators(command.coordinatorIds(), municipalityId, invalid);
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        opportunities.save(new Opportunity(id, null, municipalityId, command.wijkId(), command.buurtId(), actor,
                command.title(), command.description(), blankToNull(command.minimumAgeNote()), OpportunityStatus.OPEN,
                now, now, null));
        Opportunity created = opportunities.findById(id).orElseThrow();
        List<String> skills = Skills.normalised(orEmpty(command.skills()));
        skills.forEach(skill -> opportunities.addSkill(id, skill, Objects.requireNonNull(created.seq())));
        coordinators.forEach(coordinator -> opportunities.addCoordinator(id, coordinator));
        List<UUID> interested = queries.interestedIn(created.wijkId(), skills).stream()
                .filter(person -> !person.equals(actor)).toList();
        events.publishEvent(new VolunteeringEvent(Kind.OPPORTUNITY_PUBLISHED, id, created.title(), actor, null, null,
                null, null, List.of(), interested, null, now));
        return detail(created, actor);
    }

    /**
     * For start-up configuration (the demo data): the opportunity of this title in the wijk, published
     * by the organiser when there is none yet, and given {@code firstShifts} when it has no shift to
     * come. Returns its id.
     */
    @Transactional
    public UUID ensureOpportunity(UUID organiser, OpportunityCreate content, List<ShiftCreate> firstShifts) {
        UUID id = opportunities.findFirstByWijkIdAndTitle(content.wijkId(), content.title()).map(Opportunity::id)
                .orElseGet(() -> create(organiser, content).id());
        if (shifts.upcoming(id, clock.instant(), 1).isEmpty()) {
            firstShifts.forEach(shift -> addShift(id, organiser, shift));
        }
        return id;
    }

    @Transactional
    public OpportunityDetail get(UUID id, @Nullable UUID viewer) {
        return detail(requireOpportunity(id), viewer);
    }

    /** The organiser, or a chair or official of the wijk, changes the opportunity; lists given replace the lists. */
    @Transactional
    public OpportunityDetail update(UUID id, UUID actor, OpportunityChanges changes) {
        Opportunity opportunity = opportunities.findByIdForUpdate(id)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.opportunity"));
        Set<Party> parties = partiesOf(actor, opportunity);
        if (!parties.contains(Party.ORGANISER) && !parties.contains(Party.MANAGER)) {
            throw ApiException.forbidden("problem.forbidden.volunteering.organiser");
        }
        List<InvalidParam> invalid = new ArrayList<>();
        UUID buurtId = changes.buurtId() == null ? opportunity.buurtId() : changes.buurtId();
        requireBuurtInWijk(buurtId, opportunity.wijkId(), invalid);
        List<UUID> coordinators = changes.coordinatorIds() == null ? null
                : coordinators(changes.coordinatorIds(), opportunity.municipalityId(), invalid);
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        Instant now = clock.instant();
        Opportunity changed = opportunities.update(opportunity.withContent(
                changes.title() == null ? opportunity.title() : changes.title(),
                changes.description() == null ? opportunity.description() : changes.description(),
                changes.minimumAgeNote() == null ? opportunity.minimumAgeNote() : blankToNull(changes.minimumAgeNote()),
                buurtId, changes.status() == null ? opportunity.status() : changes.status(), now));
        if (changes.skills() != null) {
            opportunities.clearSkills(id);
            Skills.normalised(changes.skills())
                    .forEach(skill -> opportunities.addSkill(id, skill, Objects.requireNonNull(opportunity.seq())));
        }
        if (coordinators != null) {
            opportunities.clearCoordinators(id);
            coordinators.forEach(coordinator -> opportunities.addCoordinator(id, coordinator));
        }
        return detail(changed, actor);
    }

    /**
     * The wijken where the person publishes and runs opportunities, by municipality and name: the wijk
     * of every platform they chair, and every wijk of the municipalities they serve as an official.
     * None for anyone else.
     */
    @Transactional
    public List<WijkDetail> managedWijken(UUID actor) {
        Map<UUID, WijkDetail> wijken = new LinkedHashMap<>();
        roles.scopesOf(actor, Role.OFFICIAL).forEach(municipality ->
                geography.wijkenOf(municipality).forEach(wijk -> wijken.put(wijk.id(), wijk)));
        roles.scopesOf(actor, Role.CHAIR).stream()
                .map(platform -> geography.getWijkplatform(platform).wijkId())
                .filter(wijk -> !wijken.containsKey(wijk))
                .forEach(wijk -> wijken.put(wijk, geography.getWijk(wijk)));
        return List.copyOf(wijken.values());
    }

    /** For the chair of the wijk's platform and the officials of its municipality: its opportunities, newest first; 403 for anyone else. */
    @Transactional
    public Page<OpportunityView> managed(UUID actor, UUID wijkId, PageRequest page) {
        UUID municipalityId = geography.municipalityOfWijk(wijkId)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.wijk"));
        if (!manages(actor, municipalityId, wijkId)) {
            throw ApiException.forbidden("problem.forbidden.volunteering.organiser");
        }
        return list(new OpportunityListQuery(wijkId, null, null, null), actor, page);
    }

    /** An opportunity as those who run it see it (its organiser, a manager, a coordinator); 403 for anyone else. */
    @Transactional
    public OpportunityDetail forRunner(UUID id, UUID actor) {
        Opportunity opportunity = requireOpportunity(id);
        if (!runs(actor, opportunity)) {
            throw ApiException.forbidden("problem.forbidden.volunteering.coordinator");
        }
        return detail(opportunity, actor);
    }

    /**
     * Newest first; with {@code matchMe} the open opportunities of the caller's municipality, those
     * that fit them best first: in their wijk, with the skills they have, with shifts when they are
     * available.
     */
    @Transactional
    public Page<OpportunityView> list(OpportunityListQuery query, @Nullable UUID viewer, PageRequest page) {
        if (query.matching()) {
            if (viewer == null) {
                throw ApiException.unauthorized("problem.unauthorized");
            }
            return matches(query, viewer, page);
        }
        ListScope scope = ListScope.of("volunteer-opportunities", query.wijk(), query.skillTag(), query.from());
        List<Opportunity> rows = queries.page(query, cursors.after(page, scope), page.fetchSize());
        return cursors.page(rows, page, scope, o -> List.of(o.seq()), views(rows));
    }

    private Page<OpportunityView> matches(OpportunityListQuery query, UUID viewer, PageRequest page) {
        AccountRef me = accounts.findByIds(Set.of(viewer)).get(viewer);
        ListScope scope = ListScope.of("volunteer-opportunities-matching", query.wijk(), query.skillTag(), query.from(),
                viewer);
        var after = cursors.after(page, scope);
        UUID myWijk = queries.wijkOf(viewer).orElse(null);
        Set<String> mySkills = new HashSet<>(profiles.skillsOf(viewer));
        Set<Availability> available = profiles.findById(viewer).map(Profile::availability)
                .orElse(EnumSet.noneOf(Availability.class));
        List<Opportunity> open = queries.openIn(me.municipalityId(), query);
        List<UUID> ids = open.stream().map(Opportunity::id).toList();
        Map<UUID, List<String>> skills = queries.skillsOf(ids);
        Map<UUID, List<Instant>> starts = queries.upcomingStarts(ids, clock.instant());
        record Scored(Opportunity opportunity, long score) {
        }
        Comparator<Scored> best = Comparator.comparingLong(Scored::score).reversed()
                .thenComparing(s -> s.opportunity().seq(), Comparator.reverseOrder());
        List<Scored> ranked = open.stream()
                .map(o -> new Scored(o, fit(o, myWijk, mySkills, available, skills.getOrDefault(o.id(), List.of()),
                        starts.getOrDefault(o.id(), List.of()))))
                .sorted(best)
                .filter(s -> after.map(key -> s.score() < key.number(0)
                        || (s.score() == key.number(0) && s.opportunity().seq() < key.number(1))).orElse(true))
                .limit(page.fetchSize())
                .toList();
        List<Opportunity> rows = ranked.stream().map(Scored::opportunity).toList();
        Map<UUID, Long> scores = ranked.stream().collect(Collectors.toMap(s -> s.opportunity().id(), Scored::score));
        return cursors.page(rows, page, scope, o -> List.of(scores.get(o.id()), o.seq()), views(rows));
    }

    /**
     * How well an opportunity fits a resident: being in their wijk outweighs everything else, then
     * each skill wanted that they have, then having a shift to come at a moment they are available.
     */
    static long fit(Opportunity opportunity, @Nullable UUID myWijk, Set<String> mySkills, Set<Availability> available,
                    List<String> skillsWanted, List<Instant> upcomingStarts) {
        long score = opportunity.wijkId().equals(myWijk) ? 1000 : 0;
        score += 10L * skillsWanted.stream().filter(mySkills::contains).count();
        boolean whenAvailable = upcomingStarts.stream()
                .anyMatch(start -> available.contains(Availability.of(start.atZone(MUNICIPAL_TIME))));
        return score + (whenAvailable ? 1 : 0);
    }

    // Shifts

    @Transactional
    public ShiftView addShift(UUID opportunityId, UUID actor, ShiftCreate command) {
        Opportunity opportunity = requireOpportunity(opportunityId);
        ShiftAction.CHANGE.requireParty(partiesOf(actor, opportunity));
        if (opportunity.status() == OpportunityStatus.CLOSED) {
            throw ApiException.conflict("problem.conflict.opportunity.closed");
        }
        Instant now = clock.instant();
        requireTimes(command.startsAt(), command.endsAt(), now);
        Shift shift = shifts.save(new Shift(UUID.randomUUID(), opportunityId, command.startsAt(), command.endsAt(),
                command.capacity(), 0, blankToNull(command.place()), ShiftStatus.SCHEDULED, now, now, null));
        return ShiftView.of(shift, false);
    }

    @Transactional
    public ShiftView shift(UUID shiftId, @Nullable UUID viewer) {
        Shift shift = shifts.findById(shiftId).orElseThrow(() -> ApiException.notFound("problem.notFound.shift"));
        return ShiftView.of(shift, viewer != null && !queries.heldBy(viewer, List.of(shiftId)).isEmpty());
    }

    /** Every shift of an opportunity, earliest first, cancelled and past ones too. */
    @Transactional
    public Page<ShiftView> shifts(UUID opportunityId, @Nullable UUID viewer, PageRequest page) {
        requireOpportunity(opportunityId);
        ListScope scope = ListScope.of("shifts", opportunityId);
        List<Shift> rows = cursors.after(page, scope)
                .map(key -> shifts.pageAfter(opportunityId, key.instant(0), key.text(1), page.fetchSize()))
                .orElseGet(() -> shifts.firstPage(opportunityId, page.fetchSize()));
        Set<UUID> held = viewer == null ? Set.of() : queries.heldBy(viewer, rows.stream().map(Shift::id).toList());
        return cursors.page(rows, page, scope, s -> List.of(s.startsAt(), s.id()), s -> ShiftView.of(s, held.contains(s.id())));
    }

    /**
     * A change of time, capacity or place before the start; the volunteers hear of it and their
     * reminder moves with the time. Every volunteer's lock is taken first: a new time that would
     * overlap another shift one of them holds is a 409, and so is a capacity below the seats taken.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public ShiftView changeShift(UUID shiftId, UUID actor, ShiftChanges changes) {
        Shift before = shifts.findById(shiftId).orElseThrow(() -> ApiException.notFound("problem.notFound.shift"));
        Opportunity opportunity = opportunities.findById(before.opportunityId()).orElseThrow();
        ShiftAction.CHANGE.requireParty(partiesOf(actor, opportunity));
        Instant now = clock.instant();
        lockPeople(signups.volunteersOf(shiftId));
        Shift shift = shifts.findByIdForUpdate(shiftId).orElseThrow();
        ShiftAction.CHANGE.requirePhase(shift.phase(now));
        Instant startsAt = changes.startsAt() == null ? shift.startsAt() : changes.startsAt();
        Instant endsAt = changes.endsAt() == null ? shift.endsAt() : changes.endsAt();
        requireTimes(startsAt, endsAt, now);
        int capacity = changes.capacity() == null ? shift.capacity() : changes.capacity();
        if (capacity < shift.signedUp()) {
            throw ApiException.conflict("problem.conflict.shift.capacity", Map.of("signedUp", shift.signedUp()));
        }
        List<UUID> volunteers = volunteersUnderLock(shiftId);
        boolean moved = !startsAt.equals(shift.startsAt()) || !endsAt.equals(shift.endsAt());
        if (moved) {
            if (!volunteers.isEmpty()) {
                signups.overlappingAnyLocked(volunteers, startsAt, endsAt, shiftId).ifPresent(other -> {
                    throw ApiException.conflict("problem.conflict.shift.rescheduleOverlap", Map.of(),
                            Map.of("volunteerId", other.accountId().toString()));
                });
            }
            signups.moveWithShift(shiftId, startsAt, endsAt);
        }
        String place = changes.place() == null ? shift.place() : blankToNull(changes.place());
        Shift changed = shifts.update(shift.changed(startsAt, endsAt, capacity, place, now));
        if (moved || !Objects.equals(place, shift.place())) {
            publish(Kind.SHIFT_CHANGED, opportunity, changed, actor, volunteers, null, now);
        }
        return ShiftView.of(changed, volunteers.contains(actor));
    }

    /** Cancelled before the start: the volunteers hear of it, their seats no longer count against other shifts. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public ShiftView cancelShift(UUID shiftId, UUID actor) {
        Shift before = shifts.findById(shiftId).orElseThrow(() -> ApiException.notFound("problem.notFound.shift"));
        Opportunity opportunity = opportunities.findById(before.opportunityId()).orElseThrow();
        ShiftAction.CANCEL.requireParty(partiesOf(actor, opportunity));
        Instant now = clock.instant();
        lockPeople(signups.volunteersOf(shiftId));
        Shift shift = shifts.findByIdForUpdate(shiftId).orElseThrow();
        ShiftAction.CANCEL.requirePhase(shift.phase(now));
        List<UUID> volunteers = volunteersUnderLock(shiftId);
        Shift cancelled = shifts.update(shift.cancelled(now));
        signups.deactivate(shiftId);
        publish(Kind.SHIFT_CANCELLED, opportunity, cancelled, actor, volunteers, null, now);
        return ShiftView.of(cancelled, volunteers.contains(actor));
    }

    // Sign-ups

    /**
     * Takes a seat on the shift while one is free, before the start, when the person holds no
     * overlapping shift anywhere. Signing up again for a shift one holds returns the seat one has.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Signed signUp(UUID shiftId, UUID actor) {
        Instant now = clock.instant();
        // The person's lock comes before any read: everything below sees their sign-ups up to now.
        accounts.lock(actor);
        Shift shift = shifts.findByIdForUpdate(shiftId).orElseThrow(() -> ApiException.notFound("problem.notFound.shift"));
        Opportunity opportunity = opportunities.findById(shift.opportunityId()).orElseThrow();
        accounts.requireParticipant(actor, opportunity.municipalityId());
        var existing = signups.findByShiftIdAndAccountId(shiftId, actor);
        if (existing.isPresent()) {
            return new Signed(signupView(existing.get()), false);
        }
        ShiftAction.SIGN_UP.requirePhase(shift.phase(now));
        if (opportunity.status() == OpportunityStatus.CLOSED) {
            throw ApiException.conflict("problem.conflict.opportunity.closed");
        }
        if (shift.seatsLeft() == 0) {
            throw ApiException.conflict("problem.conflict.shift.full", Map.of("capacity", shift.capacity()));
        }
        signups.overlapping(actor, shift.startsAt(), shift.endsAt(), shiftId).ifPresent(other -> {
            throw ApiException.conflict("problem.conflict.shift.overlap", Map.of(),
                    Map.of("overlappingShiftId", other.shiftId().toString()));
        });
        Signup signup = signups.save(new Signup(UUID.randomUUID(), null, shiftId, actor, shift.startsAt(),
                shift.endsAt(), true, null, null, null, null, now));
        shifts.addSeats(shiftId, 1);
        publish(Kind.SIGNED_UP, opportunity, shift, actor, List.of(actor), null, now);
        return new Signed(signupView(signups.findById(signup.id()).orElseThrow()), true);
    }

    /** Gives the seat back, until the shift starts. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public void leave(UUID shiftId, UUID actor) {
        Instant now = clock.instant();
        accounts.lock(actor);
        Shift shift = shifts.findByIdForUpdate(shiftId).orElseThrow(() -> ApiException.notFound("problem.notFound.shift"));
        Signup signup = signups.findByShiftIdAndAccountId(shiftId, actor)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.signup"));
        ShiftAction.LEAVE.requirePhase(shift.phase(now));
        signups.remove(signup.id());
        shifts.addSeats(shiftId, -1);
        Opportunity opportunity = opportunities.findById(shift.opportunityId()).orElseThrow();
        publish(Kind.LEFT, opportunity, shift, actor, List.of(actor), null, now);
    }

    /** The volunteers of a shift, in the order they signed up, for those who run it. */
    @Transactional
    public Page<SignupView> signups(UUID shiftId, UUID actor, PageRequest page) {
        Shift shift = shifts.findById(shiftId).orElseThrow(() -> ApiException.notFound("problem.notFound.shift"));
        Opportunity opportunity = opportunities.findById(shift.opportunityId()).orElseThrow();
        if (!runs(actor, opportunity)) {
            throw ApiException.forbidden("problem.forbidden.volunteering.coordinator");
        }
        ListScope scope = ListScope.of("signups", shiftId);
        List<Signup> rows = cursors.after(page, scope)
                .map(key -> signups.pageAfter(shiftId, key.number(0), page.fetchSize()))
                .orElseGet(() -> signups.firstPage(shiftId, page.fetchSize()));
        Map<UUID, AccountRef> people = accounts.findByIds(rows.stream().map(Signup::accountId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return cursors.page(rows, page, scope, s -> List.of(s.seq()), s -> SignupView.of(s, people));
    }

    /**
     * After the shift a coordinator records per volunteer the minutes given (a multiple of 15, at
     * most the shift's length) or a no-show; a second confirmation corrects the first. Every wrong
     * entry is named at once.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public List<SignupView> confirmHours(UUID shiftId, UUID actor, HoursConfirmation confirmation) {
        Shift before = shifts.findById(shiftId).orElseThrow(() -> ApiException.notFound("problem.notFound.shift"));
        Opportunity opportunity = opportunities.findById(before.opportunityId()).orElseThrow();
        ShiftAction.CONFIRM_HOURS.requireParty(partiesOf(actor, opportunity));
        Instant now = clock.instant();
        lockPeople(confirmation.volunteers().stream().map(entry -> entry.volunteerId().toString()).distinct().toList());
        Shift shift = shifts.findByIdForUpdate(shiftId).orElseThrow();
        ShiftAction.CONFIRM_HOURS.requirePhase(shift.phase(now));
        Map<UUID, Signup> byVolunteer = signups.findByShift(shiftId).stream()
                .collect(Collectors.toMap(Signup::accountId, Function.identity()));
        List<InvalidParam> invalid = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<HoursEntry> entries = confirmation.volunteers();
        for (int i = 0; i < entries.size(); i++) {
            HoursEntry entry = entries.get(i);
            String at = "volunteers[" + i + "].";
            if (!byVolunteer.containsKey(entry.volunteerId())) {
                invalid.add(new InvalidParam(at + "volunteerId", "validation.hours.notSignedUp"));
            } else if (!seen.add(entry.volunteerId())) {
                invalid.add(new InvalidParam(at + "volunteerId", "validation.hours.twice"));
            }
            if (entry.markedNoShow() == (entry.minutes() != null)) {
                invalid.add(new InvalidParam(at + "minutes", "validation.hours.minutesOrNoShow"));
            } else if (entry.minutes() != null && entry.minutes() % 15 != 0) {
                invalid.add(new InvalidParam(at + "minutes", "validation.hours.quarter"));
            } else if (entry.minutes() != null && entry.minutes() > shift.lengthInMinutes()) {
                invalid.add(new InvalidParam(at + "minutes", "validation.hours.tooLong",
                        Map.of("max", shift.lengthInMinutes())));
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        for (HoursEntry entry : entries) {
            Signup signup = byVolunteer.get(entry.volunteerId());
            HoursOutcome outcome = entry.markedNoShow() ? HoursOutcome.NO_SHOW : HoursOutcome.PRESENT;
            signups.confirm(signup.id(), outcome, entry.minutes(), actor, now);
            publish(Kind.HOURS_CONFIRMED, opportunity, shift, actor, List.of(entry.volunteerId()), entry.minutes(), now);
        }
        List<Signup> confirmed = signups.findByShift(shiftId).stream().sorted(Comparator.comparing(Signup::seq)).toList();
        Map<UUID, AccountRef> people = accounts.findByIds(byVolunteer.keySet());
        return confirmed.stream().map(s -> SignupView.of(s, people)).toList();
    }

    // Me

    /** My shifts to come and my latest past ones, and my confirmed minutes per calendar year (Amsterdam time). */
    @Transactional
    public MyVolunteeringView mine(UUID actor) {
        Instant now = clock.instant();
        List<Signup> upcoming = signups.upcomingOf(actor, now, SHOWN);
        List<Signup> past = signups.pastOf(actor, now, SHOWN);
        Map<UUID, Shift> shiftsById = shifts.findByIdIn(Stream.concat(upcoming.stream(), past.stream())
                .map(Signup::shiftId).distinct().toList()).stream().collect(Collectors.toMap(Shift::id, Function.identity()));
        Map<UUID, Opportunity> opportunitiesById = new HashMap<>();
        shiftsById.values().stream().map(Shift::opportunityId).distinct().forEach(id ->
                opportunities.findById(id).ifPresent(o -> opportunitiesById.put(id, o)));
        Function<Signup, MyShiftView> view = signup -> {
            Shift shift = shiftsById.get(signup.shiftId());
            Opportunity opportunity = opportunitiesById.get(shift.opportunityId());
            return new MyShiftView(shift.id(), opportunity.id(), opportunity.title(), shift.startsAt(), shift.endsAt(),
                    shift.place(), shift.status(), signup.outcome(), signup.minutes());
        };
        Map<Integer, Long> perYear = new TreeMap<>(Comparator.reverseOrder());
        signups.confirmedOf(actor).forEach(signup -> perYear.merge(signup.startsAt().atZone(MUNICIPAL_TIME).getYear(),
                (long) Objects.requireNonNull(signup.minutes()), Long::sum));
        return new MyVolunteeringView(upcoming.stream().map(view).toList(), past.stream().map(view).toList(),
                perYear.entrySet().stream().map(e -> new YearHoursView(e.getKey(), e.getValue())).toList());
    }

    @Transactional
    public ProfileView profile(UUID actor) {
        return profileView(actor);
    }

    @Transactional
    public ProfileView updateProfile(UUID actor, ProfileUpdate update) {
        Instant now = clock.instant();
        profiles.ensure(actor, now);
        Set<Availability> moments = update.availability();
        profiles.update(new Profile(actor, moments.contains(Availability.WEEKDAY_MORNINGS),
                moments.contains(Availability.WEEKDAY_AFTERNOONS), moments.contains(Availability.WEEKDAY_EVENINGS),
                moments.contains(Availability.WEEKENDS), update.newOpportunityNotices(), now));
        profiles.clearSkills(actor);
        Skills.normalised(update.skills()).forEach(skill -> profiles.addSkill(actor, skill));
        return profileView(actor);
    }

    private ProfileView profileView(UUID actor) {
        return profiles.findById(actor)
                .map(p -> new ProfileView(profiles.skillsOf(actor), p.availability(), p.notifyMatches()))
                .orElseGet(() -> new ProfileView(List.of(), EnumSet.noneOf(Availability.class), false));
    }

    // Helpers

    private Opportunity requireOpportunity(UUID id) {
        return opportunities.findById(id).orElseThrow(() -> ApiException.notFound("problem.notFound.opportunity"));
    }

    private OpportunityDetail detail(Opportunity opportunity, @Nullable UUID viewer) {
        OpportunityView view = views(List.of(opportunity)).apply(opportunity);
        List<Shift> upcoming = shifts.upcoming(opportunity.id(), clock.instant(), SHOWN);
        Set<UUID> held = viewer == null ? Set.of() : queries.heldBy(viewer, upcoming.stream().map(Shift::id).toList());
        TotalsView totals = null;
        if (viewer != null && runs(viewer, opportunity)) {
            VolunteeringQueries.Totals sum = queries.totals(opportunity.id());
            totals = new TotalsView(sum.confirmedMinutes(), sum.volunteersPresent(), sum.noShows());
        }
        return OpportunityDetail.of(view, upcoming.stream().map(s -> ShiftView.of(s, held.contains(s.id()))).toList(),
                totals);
    }

    /** The views of a page of opportunities: their skills, coordinators and people read in one go each. */
    private Function<Opportunity, OpportunityView> views(List<Opportunity> rows) {
        List<UUID> ids = rows.stream().map(Opportunity::id).toList();
        Map<UUID, List<String>> skills = queries.skillsOf(ids);
        Map<UUID, List<String>> coordinators = queries.coordinatorsOf(ids);
        Set<UUID> people = new LinkedHashSet<>();
        rows.stream().map(Opportunity::organiserId).filter(Objects::nonNull).forEach(people::add);
        coordinators.values().forEach(list -> list.forEach(id -> people.add(UUID.fromString(id))));
        Map<UUID, AccountRef> names = accounts.findByIds(people);
        return o -> OpportunityView.of(o, skills.getOrDefault(o.id(), List.of()),
                coordinators.getOrDefault(o.id(), List.of()).stream().map(UUID::fromString).toList(), names);
    }

    private SignupView signupView(Signup signup) {
        return SignupView.of(signup, accounts.findByIds(Set.of(Objects.requireNonNull(signup.accountId()))));
    }

    /** How the actor relates to the opportunity, read from the current role assignments. */
    private Set<Party> partiesOf(UUID actor, Opportunity opportunity) {
        Set<Party> parties = EnumSet.of(Party.RESIDENT);
        if (actor.equals(opportunity.organiserId())) {
            parties.add(Party.ORGANISER);
        }
        if (manages(actor, opportunity.municipalityId(), opportunity.wijkId())) {
            parties.add(Party.MANAGER);
        }
        if (opportunities.isCoordinator(opportunity.id(), actor)) {
            parties.add(Party.COORDINATOR);
        }
        return parties;
    }

    /** Whether the actor runs the opportunity: its organiser, a manager or a coordinator (asked in that order). */
    private boolean runs(UUID actor, Opportunity opportunity) {
        return actor.equals(opportunity.organiserId()) || manages(actor, opportunity.municipalityId(), opportunity.wijkId())
                || opportunities.isCoordinator(opportunity.id(), actor);
    }

    /** Chairs of the wijk's platform and officials of the municipality publish and run opportunities. */
    private boolean manages(UUID actor, UUID municipalityId, UUID wijkId) {
        return authorizations.has(actor, Role.OFFICIAL, municipalityId) || geography.wijkplatformIdOf(wijkId)
                .filter(platform -> authorizations.has(actor, Role.CHAIR, platform)).isPresent();
    }

    /** Registered, active people of the municipality; each wrong one named by its place in the list. */
    private List<UUID> coordinators(@Nullable List<UUID> ids, UUID municipalityId, List<InvalidParam> invalid) {
        List<UUID> given = orEmpty(ids);
        Map<UUID, AccountRef> people = accounts.findByIds(new HashSet<>(given));
        Set<UUID> coordinators = new TreeSet<>();
        for (int i = 0; i < given.size(); i++) {
            AccountRef person = people.get(given.get(i));
            if (person == null || person.displayName() == null || !person.municipalityId().equals(municipalityId)) {
                invalid.add(new InvalidParam("coordinatorIds[" + i + "]", "validation.volunteering.coordinator"));
            } else {
                coordinators.add(person.id());
            }
        }
        return List.copyOf(coordinators);
    }

    private void requireBuurtInWijk(@Nullable UUID buurtId, UUID wijkId, List<InvalidParam> invalid) {
        if (!geography.isNoBuurtOrOneOf(buurtId, wijkId)) {
            invalid.add(new InvalidParam("buurtId", "validation.buurt.notInWijk"));
        }
    }

    /** A shift starts in the future and ends after its start, at most 24 hours later. */
    private static void requireTimes(Instant startsAt, Instant endsAt, Instant now) {
        List<InvalidParam> invalid = new ArrayList<>();
        if (!startsAt.isAfter(now)) {
            invalid.add(new InvalidParam("startsAt", "validation.shift.past"));
        }
        if (!endsAt.isAfter(startsAt)) {
            invalid.add(new InvalidParam("endsAt", "validation.shift.endBeforeStart"));
        } else if (Duration.between(startsAt, endsAt).compareTo(LONGEST_SHIFT) > 0) {
            invalid.add(new InvalidParam("endsAt", "validation.shift.tooLong"));
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
    }

    /** Person locks in one order (by id), so that two requests locking several people never deadlock. */
    private void lockPeople(List<String> people) {
        people.stream().sorted().forEach(person -> accounts.lock(UUID.fromString(person)));
    }

    /**
     * The volunteers of a shift read again under the shift's lock, as a locking read (the latest,
     * not the snapshot of the first read): someone may have signed up since. Whoever did is locked
     * too; it holds no lock on this shift any more, having committed.
     */
    private List<UUID> volunteersUnderLock(UUID shiftId) {
        List<String> volunteers = signups.volunteersOfLocked(shiftId);
        lockPeople(volunteers);
        return ids(volunteers);
    }

    private void publish(Kind kind, Opportunity opportunity, Shift shift, UUID actor, List<UUID> volunteers,
                         @Nullable Integer minutes, Instant now) {
        events.publishEvent(new VolunteeringEvent(kind, opportunity.id(), opportunity.title(), actor, shift.id(),
                shift.startsAt(), shift.endsAt(), shift.place(), volunteers, List.of(), minutes, now));
    }

    private static List<UUID> ids(List<String> values) {
        return values.stream().map(UUID::fromString).toList();
    }

    private static <T> List<T> orEmpty(@Nullable List<T> values) {
        return values == null ? List.of() : values;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
