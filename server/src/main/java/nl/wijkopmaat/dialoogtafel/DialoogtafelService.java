package nl.wijkopmaat.dialoogtafel;

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
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.ActionPointInput;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.AttendanceEntry;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.AttendanceRecord;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.Cancellation;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.DialoogtafelChanges;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.DialoogtafelCreate;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.ReportContent;
import nl.wijkopmaat.dialoogtafel.DialoogtafelEvent.Kind;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.ActionPointView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.AlertSettingsView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.AttendanceView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.DialoogtafelView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.RegistrationView;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.ReportView;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.BuurtPlace;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.initiative.ActionPointDraft;
import nl.wijkopmaat.initiative.InitiativeService;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Dialoogtafels: scheduled conversations of a wijk with seats, a waiting list, attendance, a report
 * with action points, and the residents who asked to hear of new ones.
 *
 * <p>A table's row is locked for every registration, cancellation of one and change of the table, so
 * its seats are counted one request at a time: never more confirmed than its capacity, and a waiting
 * list numbered 1..n in arrival order, without gaps or duplicates. A seat freed (a cancellation, a
 * larger capacity) goes at once to the head of the waiting list, in the same transaction, so a free
 * seat and a waiting list never exist side by side. A person's account row is locked before the
 * table's, as erasure does, so that their registration and the erasure of their account never wait
 * for each other the other way round.
 *
 * <p>Who organises a table follows the roles of its wijk and municipality at the moment of the
 * request: the chair and the secretary of the wijk's platform and the officials of the municipality.
 * A revoked role or an erased account leaves no table without organisers.
 *
 * <p>The changes of registrations run in READ COMMITTED: what they read after taking the table's lock
 * is the latest committed state, and they take no gap locks.
 */
@Singleton
public class DialoogtafelService {

    /** Residents told of a new table per transaction of the announcing job. */
    static final int ANNOUNCE_BATCH = 500;

    private final DialoogtafelRepository tables;
    private final RegistrationRepository registrations;
    private final ReportRepository reports;
    private final ActionPointRepository actionPoints;
    private final DialoogtafelQueries queries;
    private final DialoogtafelSeats seats;
    private final GeographyService geography;
    private final AccountService accounts;
    private final InitiativeService initiatives;
    private final Authorizations authorizations;
    private final RoleAssignmentService roles;
    private final Cursors cursors;
    private final Clock clock;

    DialoogtafelService(DialoogtafelRepository tables, RegistrationRepository registrations, ReportRepository reports,
                        ActionPointRepository actionPoints, DialoogtafelQueries queries, DialoogtafelSeats seats,
                        GeographyService geography,
                        AccountService accounts, InitiativeService initiatives, Authorizations authorizations,
                        RoleAssignmentService roles, Cursors cursors, Clock clock) {
        this.tables = tables;
        this.registrations = registrations;
        this.reports = reports;
        this.actionPoints = actionPoints;
        this.queries = queries;
        this.seats = seats;
        this.geography = geography;
        this.accounts = accounts;
        this.initiatives = initiatives;
        this.authorizations = authorizations;
        this.roles = roles;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** A registration, and whether this request made it (registering again returns the first). */
    record Registered(RegistrationView registration, boolean created) {
    }

    /** An action point turned into a draft initiative. */
    record TakenUp(ActionPointView actionPoint, UUID initiativeId) {
    }

    // Tables

    /**
     * The chair or secretary of the wijk's platform, or an official of the municipality, schedules a
     * table; the residents of the wijk who asked for it hear of it later, from the announcing job.
     */
    @Transactional
    public DialoogtafelView create(UUID actor, DialoogtafelCreate command) {
        UUID municipalityId = geography.municipalityOfWijk(command.wijkId())
                .orElseThrow(() -> ApiException.invalid("wijkId", "validation.wijk.unknown"));
        if (!organises(actor, municipalityId, command.wijkId())) {
            throw ApiException.forbidden("problem.forbidden.dialoogtafel.organiser");
        }
        Instant now = clock.instant();
        List<InvalidParam> invalid = new ArrayList<>();
        if (command.buurtId() != null && geography.findBuurt(command.buurtId()).map(BuurtPlace::wijkId)
                .filter(command.wijkId()::equals).isEmpty()) {
            invalid.add(new InvalidParam("buurtId", "validation.buurt.notInWijk"));
        }
        if (command.place() == null && command.onlineLink() == null) {
            invalid.add(new InvalidParam("place", "validation.dialoogtafel.placeOrLink"));
        }
        requireTimes(command.startsAt(), command.endsAt(), true, now, invalid);
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        Dialoogtafel table = tables.save(new Dialoogtafel(UUID.randomUUID(), municipalityId, command.wijkId(),
                command.buurtId(), actor, command.title(), command.description(), command.theme(),
                command.place() == null ? null : command.place().name().strip(),
                command.place() == null ? null : command.place().address().strip(), command.onlineLink(),
                command.startsAt(), command.endsAt(), command.capacity(), 0, 0, 0, blankToNull(command.facilitatorName()),
                DialoogtafelStatus.SCHEDULED, null, null, now, now, null));
        queries.announceLater(table.id(), now);
        return view(table, actor);
    }

    /**
     * For start-up configuration (the demo data): the table of this title in the wijk that is still to
     * come, scheduled by the organiser when there is none. Returns its id.
     */
    @Transactional
    public UUID ensureDialoogtafel(UUID organiser, DialoogtafelCreate content) {
        return tables.findFirstByWijkIdAndTitle(content.wijkId(), content.title())
                .filter(table -> table.phase(clock.instant()) == DialoogtafelPhase.UPCOMING)
                .map(Dialoogtafel::id)
                .orElseGet(() -> create(organiser, content).id());
    }

    @Transactional
    public DialoogtafelView get(UUID id, @Nullable UUID viewer) {
        return view(requireTable(id), viewer);
    }

    /** Public: tables starting from {@code from} (now by default), soonest first. */
    @Transactional
    public Page<DialoogtafelView> list(DialoogtafelListQuery query, @Nullable UUID viewer, PageRequest page) {
        Instant now = clock.instant();
        Instant from = query.from() == null ? now : query.from();
        ListScope scope = ListScope.of("dialoogtafels", query.wijk(), query.buurt(), query.theme(), query.from(),
                query.to(), viewer);
        List<Dialoogtafel> rows = queries.page(query, from, cursors.after(page, scope), page.fetchSize());
        Map<UUID, Registration> mine = viewer == null || rows.isEmpty() ? Map.of()
                : registrations.ofPersonAmong(viewer, rows.stream().map(Dialoogtafel::id).toList()).stream()
                        .collect(Collectors.toMap(Registration::dialoogtafelId, Function.identity()));
        Map<UUID, AccountRef> people = accounts.findByIds(rows.stream().map(Dialoogtafel::createdBy)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return cursors.page(rows, page, scope, t -> List.of(t.startsAt(), t.id()),
                t -> DialoogtafelView.of(t, now, mine.get(t.id()), false, false, people));
    }

    /**
     * The wijken whose tables the person organises, by municipality and name: the wijk of every
     * platform they chair or are secretary of, and every wijk of the municipalities they serve as an
     * official. None for anyone else.
     */
    @Transactional
    public List<WijkDetail> organisedWijken(UUID actor) {
        Map<UUID, WijkDetail> wijken = new LinkedHashMap<>();
        roles.scopesOf(actor, Role.OFFICIAL).forEach(municipality ->
                geography.wijkenOf(municipality).forEach(wijk -> wijken.put(wijk.id(), wijk)));
        Stream.concat(roles.scopesOf(actor, Role.CHAIR).stream(), roles.scopesOf(actor, Role.SECRETARY).stream())
                .map(platform -> geography.getWijkplatform(platform).wijkId())
                .filter(wijk -> !wijken.containsKey(wijk))
                .forEach(wijk -> wijken.put(wijk, geography.getWijk(wijk)));
        return List.copyOf(wijken.values());
    }

    /**
     * For the organisers of the wijk: its tables starting from {@code from}, soonest first, as the
     * public list gives them; 403 for anyone else.
     */
    @Transactional
    public Page<DialoogtafelView> organised(UUID actor, UUID wijkId, Instant from, PageRequest page) {
        UUID municipalityId = geography.municipalityOfWijk(wijkId)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.wijk"));
        if (!organises(actor, municipalityId, wijkId)) {
            throw ApiException.forbidden("problem.forbidden.dialoogtafel.organiser");
        }
        return list(new DialoogtafelListQuery(wijkId, null, null, from, null), actor, page);
    }

    /** A table as its organisers see it, with its online link; 403 for anyone else. */
    @Transactional
    public DialoogtafelView forOrganiser(UUID id, UUID actor) {
        Dialoogtafel table = requireTable(id);
        if (!organises(actor, table)) {
            throw ApiException.forbidden("problem.forbidden.dialoogtafel.organiser");
        }
        return view(table, actor);
    }

    /**
     * An organiser changes the table before it starts. A larger capacity gives the new seats to the
     * head of the waiting list; a capacity below the seats taken is a 409. A new time or place is told
     * to everyone registered or waitlisted, and moves the reminders.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public DialoogtafelView update(UUID id, UUID actor, DialoogtafelChanges changes) {
        Dialoogtafel before = requireTable(id);
        DialoogtafelAction.CHANGE.requireParty(organises(actor, before));
        Instant now = clock.instant();
        Dialoogtafel table = tables.findByIdForUpdate(id).orElseThrow();
        DialoogtafelAction.CHANGE.requirePhase(table.phase(now));
        Instant startsAt = changes.startsAt() == null ? table.startsAt() : changes.startsAt();
        Instant endsAt = changes.endsAt() == null ? table.endsAt() : changes.endsAt();
        List<InvalidParam> invalid = new ArrayList<>();
        requireTimes(startsAt, endsAt, changes.startsAt() != null, now, invalid);
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        int capacity = changes.capacity() == null ? table.capacity() : changes.capacity();
        if (capacity < table.confirmed()) {
            throw ApiException.conflict("problem.conflict.dialoogtafel.capacity", Map.of("confirmed", table.confirmed()));
        }
        String placeName = changes.place() == null ? table.placeName() : changes.place().name().strip();
        String placeAddress = changes.place() == null ? table.placeAddress() : changes.place().address().strip();
        String link = changes.onlineLink() == null ? table.onlineLink() : changes.onlineLink();
        Dialoogtafel changed = tables.update(table.changed(
                changes.title() == null ? table.title() : changes.title(),
                changes.description() == null ? table.description() : changes.description(),
                placeName, placeAddress, link, startsAt, endsAt, capacity,
                changes.facilitatorName() == null ? table.facilitatorName() : blankToNull(changes.facilitatorName()), now));
        List<UUID> promoted = seats.promote(changed, capacity - table.confirmed(), actor, now);
        boolean moved = !startsAt.equals(table.startsAt()) || !endsAt.equals(table.endsAt());
        boolean elsewhere = !Objects.equals(placeName, table.placeName()) || !Objects.equals(placeAddress, table.placeAddress())
                || !Objects.equals(link, table.onlineLink());
        if (moved || elsewhere) {
            seats.publish(Kind.CHANGED, changed, actor, ids(registrations.peopleOf(id)),
                    ids(registrations.peopleWith(id, RegistrationStatus.CONFIRMED)), now);
        }
        Dialoogtafel after = promoted.isEmpty() ? changed : tables.findById(id).orElseThrow();
        return view(after, actor);
    }

    /** An organiser cancels the table before it starts, with a reason; everyone registered or waitlisted hears of it. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public DialoogtafelView cancel(UUID id, UUID actor, Cancellation cancellation) {
        Dialoogtafel before = requireTable(id);
        DialoogtafelAction.CANCEL.requireParty(organises(actor, before));
        Instant now = clock.instant();
        Dialoogtafel table = tables.findByIdForUpdate(id).orElseThrow();
        DialoogtafelAction.CANCEL.requirePhase(table.phase(now));
        Dialoogtafel cancelled = tables.update(table.cancelled(cancellation.reason().strip(), now));
        seats.publish(Kind.CANCELLED, cancelled, actor, ids(registrations.peopleOf(id)), List.of(), now);
        return view(cancelled, actor);
    }

    // Registrations

    /**
     * A seat while one is free, else the next place in the waiting list; before the start of a table
     * that was not cancelled (409 otherwise). Registering again returns the registration one has.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Registered register(UUID id, UUID actor) {
        Instant now = clock.instant();
        accounts.lock(actor);
        Dialoogtafel table = tables.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("problem.notFound.dialoogtafel"));
        accounts.requireParticipant(actor, table.municipalityId());
        Optional<Registration> existing = registrations.findByDialoogtafelIdAndAccountId(id, actor);
        if (existing.isPresent()) {
            return new Registered(registrationView(existing.get(), table), false);
        }
        DialoogtafelAction.REGISTER.requirePhase(table.phase(now));
        boolean seat = table.seatsLeft() > 0;
        Registration registration = registrations.save(new Registration(UUID.randomUUID(), null, id, actor,
                seat ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED,
                seat ? null : table.queueServed() + table.waitlisted() + 1, null, null, null, now, seat ? now : null));
        tables.count(id, seat ? 1 : 0, seat ? 0 : 1);
        if (seat) {
            seats.publish(Kind.CONFIRMED, table, actor, List.of(actor), List.of(actor), now);
        }
        return new Registered(registrationView(registrations.findById(registration.id()).orElseThrow(), table), true);
    }

    /**
     * Cancels my registration before the start. A seat given back goes at once to the first of the
     * waiting list, who hears of it; a place in the waiting list given back moves everyone after it up.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public void unregister(UUID id, UUID actor) {
        Instant now = clock.instant();
        accounts.lock(actor);
        Dialoogtafel table = tables.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("problem.notFound.dialoogtafel"));
        Registration registration = registrations.findByDialoogtafelIdAndAccountId(id, actor)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.registration"));
        DialoogtafelAction.UNREGISTER.requirePhase(table.phase(now));
        seats.leave(table, registration, actor, now);
    }

    /** For the organisers: everyone registered, in the order they came, seats and waiting list alike. */
    @Transactional
    public Page<RegistrationView> registrations(UUID id, UUID actor, PageRequest page) {
        Dialoogtafel table = requireTable(id);
        if (!organises(actor, table)) {
            throw ApiException.forbidden("problem.forbidden.dialoogtafel.organiser");
        }
        ListScope scope = ListScope.of("dialoogtafel-registrations", id);
        List<Registration> rows = cursors.after(page, scope)
                .map(key -> registrations.pageAfter(id, key.number(0), page.fetchSize()))
                .orElseGet(() -> registrations.firstPage(id, page.fetchSize()));
        Map<UUID, AccountRef> people = accounts.findByIds(rows.stream().map(Registration::accountId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return cursors.page(rows, page, scope, r -> List.of(r.seq()), r -> RegistrationView.of(r, table, people));
    }

    /**
     * Once the table has started an organiser records, per confirmed registration, whether the person
     * was present; a later recording corrects an earlier one. Every wrong entry is named at once.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public AttendanceView recordAttendance(UUID id, UUID actor, AttendanceRecord record) {
        Dialoogtafel before = requireTable(id);
        DialoogtafelAction.RECORD_ATTENDANCE.requireParty(organises(actor, before));
        Instant now = clock.instant();
        Dialoogtafel table = tables.findByIdForUpdate(id).orElseThrow();
        DialoogtafelAction.RECORD_ATTENDANCE.requirePhase(table.phase(now));
        List<AttendanceEntry> entries = record.registrations();
        Map<UUID, Registration> known = registrations.findByDialoogtafelIdAndIdIn(id,
                        entries.stream().map(AttendanceEntry::registrationId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Registration::id, Function.identity()));
        List<InvalidParam> invalid = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            UUID registrationId = entries.get(i).registrationId();
            Registration registration = known.get(registrationId);
            String at = "registrations[" + i + "].registrationId";
            if (registration == null || registration.status() != RegistrationStatus.CONFIRMED) {
                invalid.add(new InvalidParam(at, "validation.attendance.notConfirmed"));
            } else if (!seen.add(registrationId)) {
                invalid.add(new InvalidParam(at, "validation.attendance.twice"));
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        entries.forEach(entry -> registrations.recordAttendance(entry.registrationId(), entry.attendance(), actor, now));
        List<Registration> confirmed = registrations.confirmedOf(id);
        int present = (int) confirmed.stream().filter(r -> r.attendance() == Attendance.PRESENT).count();
        int absent = (int) confirmed.stream().filter(r -> r.attendance() == Attendance.ABSENT).count();
        return new AttendanceView(present, absent, confirmed.size() - present - absent);
    }

    // Report

    @Transactional
    public ReportView report(UUID id) {
        requireTable(id);
        Report report = reports.findById(id).orElseThrow(() -> ApiException.notFound("problem.notFound.dialoogtafelReport"));
        return reportView(report);
    }

    /**
     * After the end an organiser publishes the report, or corrects it. Action points given with the id
     * of one published before are kept, with their initiative; one that became an initiative cannot be
     * left out (409). The confirmed participants hear of the first publication.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public ReportView publishReport(UUID id, UUID actor, ReportContent content) {
        Dialoogtafel before = requireTable(id);
        DialoogtafelAction.PUBLISH_REPORT.requireParty(organises(actor, before));
        Instant now = clock.instant();
        Dialoogtafel table = tables.findByIdForUpdate(id).orElseThrow();
        DialoogtafelAction.PUBLISH_REPORT.requirePhase(table.phase(now));
        Map<UUID, ActionPoint> existing = actionPoints.findByDialoogtafelIdOrderByPosition(id).stream()
                .collect(Collectors.toMap(ActionPoint::id, Function.identity()));
        List<ActionPointInput> points = content.actionPoints();
        List<InvalidParam> invalid = new ArrayList<>();
        Set<UUID> kept = new HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            UUID pointId = points.get(i).id();
            if (pointId != null && (!existing.containsKey(pointId) || !kept.add(pointId))) {
                invalid.add(new InvalidParam("actionPoints[" + i + "].id", "validation.report.actionPoint"));
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        existing.values().stream().filter(point -> point.initiativeId() != null && !kept.contains(point.id()))
                .findFirst().ifPresent(point -> {
                    throw ApiException.conflict("problem.conflict.dialoogtafel.actionPointTakenUp", Map.of(),
                            Map.of("actionPointId", point.id().toString()));
                });
        Optional<Report> published = reports.findById(id);
        Report report = new Report(id, content.summary().strip(), content.participantCount(),
                published.isPresent() ? published.get().publishedBy() : actor, published.map(Report::publishedAt).orElse(now),
                now);
        if (published.isPresent()) {
            reports.update(report);
        } else {
            reports.save(report);
        }
        actionPoints.setAside(id);
        existing.keySet().stream().filter(pointId -> !kept.contains(pointId)).forEach(actionPoints::remove);
        for (int i = 0; i < points.size(); i++) {
            ActionPointInput point = points.get(i);
            if (point.id() == null) {
                actionPoints.save(new ActionPoint(UUID.randomUUID(), id, i + 1, point.text().strip(),
                        point.takenUpBy().strip(), null));
            } else {
                actionPoints.rewrite(point.id(), i + 1, point.text().strip(), point.takenUpBy().strip());
            }
        }
        if (published.isEmpty()) {
            seats.publish(Kind.REPORT_PUBLISHED, table, actor, ids(registrations.peopleWith(id, RegistrationStatus.CONFIRMED)),
                    List.of(), now);
        }
        return reportView(reports.findById(id).orElseThrow());
    }

    /**
     * A resident of the municipality turns an action point of the report into a draft initiative of
     * the wijk, theirs to work out and submit; each action point becomes one initiative (409 after).
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public TakenUp takeUp(UUID id, UUID actionPointId, UUID actor) {
        Dialoogtafel table = tables.findByIdForUpdate(id).orElseThrow(() -> ApiException.notFound("problem.notFound.dialoogtafel"));
        ActionPoint point = actionPoints.findByIdAndDialoogtafelId(actionPointId, id)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.actionPoint"));
        accounts.requireParticipant(actor, table.municipalityId());
        DialoogtafelAction.TAKE_UP_ACTION_POINT.requirePhase(table.phase(clock.instant()));
        if (point.initiativeId() != null) {
            throw ApiException.conflict("problem.conflict.dialoogtafel.actionPointTaken", Map.of(),
                    Map.of("initiativeId", point.initiativeId().toString()));
        }
        String title = point.text().length() <= 120 ? point.text() : point.text().substring(0, 119).strip() + "…";
        UUID initiativeId = initiatives.createFromActionPoint(actor, new ActionPointDraft(title, point.text(),
                table.theme(), table.wijkId(), table.buurtId(), id, point.id()));
        actionPoints.link(point.id(), initiativeId);
        return new TakenUp(ActionPointView.of(actionPoints.findById(point.id()).orElseThrow()), initiativeId);
    }

    // Calendar

    /** The table as one iCalendar event, with the online link for those who may see it. */
    @Transactional
    public String calendar(UUID id, @Nullable UUID viewer, String facilitatorLabel) {
        Dialoogtafel table = requireTable(id);
        return DialoogtafelCalendar.render(table, mayOpenLink(table, viewer), facilitatorLabel, clock.instant());
    }

    // Alerts

    @Transactional
    public AlertSettingsView alerts(UUID actor) {
        return new AlertSettingsView(queries.alertedSince(actor).isPresent());
    }

    @Transactional
    public AlertSettingsView updateAlerts(UUID actor, boolean newInMyWijk) {
        queries.alert(actor, newInMyWijk, clock.instant());
        return alerts(actor);
    }

    /**
     * Tells the next batch of residents of one new table's wijk who asked for it, in a transaction of
     * its own; a table that was cancelled or has started meanwhile is announced no further. Returns
     * whether there was an announcement to work on.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    boolean announceNextBatch() {
        Optional<DialoogtafelQueries.Announcement> claimed = queries.claimAnnouncement();
        if (claimed.isEmpty()) {
            return false;
        }
        DialoogtafelQueries.Announcement announcement = claimed.get();
        Dialoogtafel table = tables.findById(announcement.dialoogtafelId()).orElseThrow();
        Instant now = clock.instant();
        if (table.phase(now) != DialoogtafelPhase.UPCOMING) {
            queries.announced(table.id());
            return true;
        }
        List<UUID> batch = queries.alertedIn(table.wijkId(), announcement.afterAccountId(), ANNOUNCE_BATCH);
        if (!batch.isEmpty()) {
            seats.publish(Kind.ANNOUNCED, table, table.createdBy(), batch, List.of(), now);
        }
        if (batch.size() < ANNOUNCE_BATCH) {
            queries.announced(table.id());
        } else {
            queries.announcedUpTo(table.id(), batch.get(batch.size() - 1));
        }
        return true;
    }

    // Helpers

    private Dialoogtafel requireTable(UUID id) {
        return tables.findById(id).orElseThrow(() -> ApiException.notFound("problem.notFound.dialoogtafel"));
    }

    private DialoogtafelView view(Dialoogtafel table, @Nullable UUID viewer) {
        Registration mine = viewer == null ? null : registrations.findByDialoogtafelIdAndAccountId(table.id(), viewer).orElse(null);
        boolean organiser = viewer != null && organises(viewer, table);
        boolean showLink = organiser || (mine != null && mine.status() == RegistrationStatus.CONFIRMED);
        Map<UUID, AccountRef> people = table.createdBy() == null ? Map.of() : accounts.findByIds(Set.of(table.createdBy()));
        return DialoogtafelView.of(table, clock.instant(), mine, organiser, showLink, people);
    }

    private boolean mayOpenLink(Dialoogtafel table, @Nullable UUID viewer) {
        if (viewer == null) {
            return false;
        }
        return organises(viewer, table) || registrations.findByDialoogtafelIdAndAccountId(table.id(), viewer)
                .filter(r -> r.status() == RegistrationStatus.CONFIRMED).isPresent();
    }

    private RegistrationView registrationView(Registration registration, Dialoogtafel table) {
        return RegistrationView.of(registration, table,
                accounts.findByIds(Stream.of(registration.accountId()).filter(Objects::nonNull).toList()));
    }

    private ReportView reportView(Report report) {
        List<ActionPoint> points = actionPoints.findByDialoogtafelIdOrderByPosition(report.dialoogtafelId());
        Map<UUID, AccountRef> people = report.publishedBy() == null ? Map.of() : accounts.findByIds(Set.of(report.publishedBy()));
        return ReportView.of(report, points, people);
    }

    private boolean organises(UUID actor, Dialoogtafel table) {
        return organises(actor, table.municipalityId(), table.wijkId());
    }

    /** The chair and the secretary of the wijk's platform and the officials of the municipality organise its tables. */
    private boolean organises(UUID actor, UUID municipalityId, UUID wijkId) {
        if (authorizations.has(actor, Role.OFFICIAL, municipalityId)) {
            return true;
        }
        return geography.wijkplatformIdOf(wijkId).filter(platform -> authorizations.has(actor, Role.CHAIR, platform)
                || authorizations.has(actor, Role.SECRETARY, platform)).isPresent();
    }

    /** The end after the start; a start given (always when created) in the future. */
    private static void requireTimes(Instant startsAt, Instant endsAt, boolean newStart, Instant now,
                                     List<InvalidParam> invalid) {
        if (newStart && !startsAt.isAfter(now)) {
            invalid.add(new InvalidParam("startsAt", "validation.dialoogtafel.past"));
        }
        if (!endsAt.isAfter(startsAt)) {
            invalid.add(new InvalidParam("endsAt", "validation.dialoogtafel.endBeforeStart"));
        }
    }

    private static List<UUID> ids(List<String> values) {
        return values.stream().map(UUID::fromString).toList();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
