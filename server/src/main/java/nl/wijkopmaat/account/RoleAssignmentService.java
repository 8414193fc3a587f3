package nl.wijkopmaat.account;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.audit.AuditLog;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.Cursors;
import nl.wijkopmaat.common.paging.ListScope;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Authorizations;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grants and revokes roles, keeps their audit trail, and answers permission questions from the
 * current assignments.
 */
@Singleton
public class RoleAssignmentService implements Authorizations {

    private static final Set<Role> STAFF = Set.of(Role.OFFICIAL, Role.ADMIN);

    private final RoleAssignmentRepository assignments;
    private final RoleChangeRepository changes;
    private final RoleInvitationRepository invitations;
    private final AccountRepository accounts;
    /** A provider: geography asks this service who may change it. */
    private final Provider<GeographyService> geography;
    private final ApplicationEventPublisher<RoleInvited> invited;
    private final AuditLog audit;
    private final Cursors cursors;
    private final Clock clock;

    RoleAssignmentService(RoleAssignmentRepository assignments, RoleChangeRepository changes,
                          RoleInvitationRepository invitations, AccountRepository accounts, Provider<GeographyService> geography,
                          ApplicationEventPublisher<RoleInvited> invited, AuditLog audit, Cursors cursors,
                          Clock clock) {
        this.assignments = assignments;
        this.changes = changes;
        this.invitations = invitations;
        this.accounts = accounts;
        this.geography = geography;
        this.invited = invited;
        this.audit = audit;
        this.cursors = cursors;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean has(UUID accountId, Role role, UUID scopeId) {
        return assignments.existsByAccountIdAndRoleAndScopeId(accountId, role, scopeId);
    }

    @Override
    @Transactional
    public boolean hasAnyRole(UUID accountId) {
        return assignments.existsByAccountId(accountId);
    }

    /** The scopes in which the person holds each role, e.g. the wijkplatforms a chair serves. */
    @Transactional
    public List<UUID> scopesOf(UUID accountId, Role role) {
        return assignments.findByAccountId(accountId).stream().filter(a -> a.role() == role).map(RoleAssignment::scopeId)
                .toList();
    }

    /**
     * Grants a role; granting one the person already holds is a conflict. Only a verified account can
     * hold a role: an address nobody proved to own gets an invitation instead ({@link #invite}).
     */
    @Transactional
    public AssignedRole grant(@Nullable UUID actor, UUID accountId, Role role, UUID scopeId) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!account.isVerified()) {
            throw ApiException.conflict("problem.conflict.unverified");
        }
        if (has(accountId, role, scopeId)) {
            throw ApiException.conflict("problem.conflict.roleAssigned");
        }
        Instant now = clock.instant();
        RoleAssignment assignment = assignments.save(new RoleAssignment(UUID.randomUUID(), accountId, role, scopeId, actor, now));
        changes.save(new RoleChange(UUID.randomUUID(), accountId, role, scopeId, RoleChange.Action.GRANTED, actor, now));
        audit.record("role.granted", accountId, details(role, scopeId, actor));
        return view(assignment, account);
    }

    private void revoke(@Nullable UUID actor, RoleAssignment assignment) {
        assignments.delete(assignment);
        changes.save(new RoleChange(UUID.randomUUID(), assignment.accountId(), assignment.role(), assignment.scopeId(),
                RoleChange.Action.REVOKED, actor, clock.instant()));
        audit.record("role.revoked", assignment.accountId(), details(assignment.role(), assignment.scopeId(), actor));
    }

    private static Map<String, Object> details(Role role, UUID scopeId, @Nullable UUID actor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("role", role);
        details.put("scope", scopeId);
        details.put("actor", actor == null ? "-" : actor);
        return details;
    }

    /**
     * Gives a role to an address without a verified account: an invitation mail goes out, and the
     * role takes effect when the address is verified (by its verification mail or a password reset).
     */
    @Transactional
    public Invitation invite(UUID actor, String email, Role role, UUID scopeId) {
        Instant now = clock.instant();
        invitations.upsert(UUID.randomUUID(), email, role.name(), scopeId, actor, now);
        RoleInvitation invitation = invitations.findByEmailAndRoleAndScopeId(email, role, scopeId).orElseThrow();
        invited.publishEvent(new RoleInvited(email, role));
        audit.record("role.invited", null, details(role, scopeId, actor));
        return Invitation.of(invitation);
    }

    /** The invitations waiting in one scope, e.g. for the chair of a wijkplatform. */
    @Transactional
    public List<Invitation> invitations(UUID scopeId, Collection<Role> roles) {
        return invitations.findByScopeIdAndRoleInOrderByInvitedAt(scopeId, roles).stream().map(Invitation::of).toList();
    }

    /**
     * When an address is verified, the roles it was invited to take effect, in the inviter's name.
     * A platform role has one holder, so the invited person takes it over from whoever has it now.
     * Staff of a municipality are registered there: an account of another municipality does not
     * take a staff invitation, which then lapses.
     */
    @Transactional
    void acceptInvitations(UUID accountId, String email) {
        Account account = accounts.findById(accountId).orElseThrow();
        for (RoleInvitation invitation : invitations.findByEmail(email)) {
            invitations.delete(invitation);
            if (STAFF.contains(invitation.role()) && !account.municipalityId().equals(invitation.scopeId())) {
                audit.record("role.invitation-lapsed", accountId, details(invitation.role(), invitation.scopeId(),
                        invitation.invitedBy()));
                continue;
            }
            if (invitation.role().scopeType() == Role.ScopeType.WIJKPLATFORM) {
                assignments.findByScopeIdAndRoleInOrderByAssignedAt(invitation.scopeId(), List.of(invitation.role()))
                        .stream().filter(held -> !held.accountId().equals(accountId))
                        .forEach(held -> revoke(invitation.invitedBy(), held));
            }
            if (!has(accountId, invitation.role(), invitation.scopeId())) {
                grant(invitation.invitedBy(), accountId, invitation.role(), invitation.scopeId());
            }
        }
    }

    @Transactional
    List<RoleGrant> rolesOf(UUID accountId) {
        return assignments.findByAccountId(accountId).stream().map(RoleGrant::of).toList();
    }

    /** The holders of some roles in one scope, e.g. the chair and secretary of a wijkplatform. */
    @Transactional
    public List<AssignedRole> holders(UUID scopeId, Collection<Role> roles) {
        return withAccounts(assignments.findByScopeIdAndRoleInOrderByAssignedAt(scopeId, roles));
    }

    /**
     * Who holds some roles in one scope, by display name only (never their address), in one read:
     * for public pages such as a wijkplatform's board. Removed accounts hold no roles.
     */
    @Transactional
    public List<PublicHolder> publicHolders(UUID scopeId, Collection<Role> roles) {
        return assignments.holderNames(scopeId.toString(), roles.stream().map(Role::name).toList()).stream()
                .filter(holder -> holder.displayName() != null)
                .map(holder -> new PublicHolder(Role.valueOf(holder.role()), holder.displayName()))
                .toList();
    }

    /**
     * Makes the holders of {@code roles} in {@code scopeId} exactly {@code wanted}: revokes what is no
     * longer wanted and grants what is new, each with an audit line.
     */
    @Transactional
    public List<AssignedRole> replaceHolders(UUID actor, UUID scopeId, Collection<Role> roles, Map<UUID, Role> wanted,
                                             Map<String, Role> invited) {
        invitations.findByScopeIdAndRoleInOrderByInvitedAt(scopeId, roles).stream()
                .filter(invitation -> invited.get(invitation.email()) != invitation.role())
                .forEach(invitations::delete);
        invited.forEach((email, role) -> {
            if (invitations.findByEmailAndRoleAndScopeId(email, role, scopeId).isEmpty()) {
                invite(actor, email, role, scopeId);
            }
        });
        List<RoleAssignment> current = assignments.findByScopeIdAndRoleInOrderByAssignedAt(scopeId, roles);
        current.stream()
                .filter(assignment -> wanted.get(assignment.accountId()) != assignment.role())
                .forEach(assignment -> revoke(actor, assignment));
        wanted.forEach((accountId, role) -> {
            boolean held = current.stream().anyMatch(a -> a.accountId().equals(accountId) && a.role() == role);
            if (!held) {
                grant(actor, accountId, role, scopeId);
            }
        });
        return holders(scopeId, roles);
    }

    /** The officials and admins of a municipality, for its admins. */
    @Transactional
    public Page<AssignedRole> staff(UUID actor, UUID municipalityId, PageRequest page) {
        requireAdmin(actor, municipalityId);
        return staff(municipalityId, page);
    }

    @Transactional
    public Page<AssignedRole> staff(UUID municipalityId, PageRequest page) {
        String municipality = municipalityId.toString();
        ListScope scope = ListScope.of("staff", municipality);
        List<RoleAssignment> rows = cursors.after(page, scope)
                .map(key -> assignments.staffPageAfter(municipality, key.instant(0), key.text(1), page.fetchSize()))
                .orElseGet(() -> assignments.firstStaffPage(municipality, page.fetchSize()));
        Map<UUID, Account> people = accountsOf(rows);
        return cursors.page(rows, page, scope, a -> List.of(a.assignedAt(), a.id()),
                a -> view(a, people.get(a.accountId())));
    }

    /**
     * The officials of a municipality, for its officials and admins who choose an initiative's owner:
     * ids and names only.
     */
    @Transactional
    public Page<Official> officials(UUID actor, UUID municipalityId, PageRequest page) {
        if (!has(actor, Role.OFFICIAL, municipalityId) && !has(actor, Role.ADMIN, municipalityId)) {
            throw ApiException.forbidden("problem.forbidden.role");
        }
        String municipality = municipalityId.toString();
        ListScope scope = ListScope.of("officials", municipality);
        List<RoleAssignmentRepository.OfficialRow> rows = cursors.after(page, scope)
                .map(key -> assignments.officialsPageAfter(municipality, key.text(0), page.fetchSize()))
                .orElseGet(() -> assignments.firstOfficialsPage(municipality, page.fetchSize()));
        return cursors.page(rows, page, scope, row -> List.of(row.assignmentId()),
                row -> new Official(UUID.fromString(row.accountId()), row.displayName()));
    }

    /**
     * An admin makes an address an official or admin of the municipality: at once when it belongs to
     * a verified account registered there, otherwise by an invitation.
     */
    @Transactional
    StaffAssignment assignStaff(UUID actor, UUID municipalityId, String email, Role role) {
        requireAdmin(actor, municipalityId);
        requireStaffRole(role);
        String normalized = AccountService.normalizeEmail(email);
        Optional<Account> account = accounts.findByEmail(normalized).filter(Account::active);
        if (account.isPresent() && account.get().isVerified()) {
            if (!account.get().municipalityId().equals(municipalityId)) {
                throw ApiException.invalid("email", "validation.account.unknown");
            }
            return new StaffAssignment.Assigned(grant(actor, account.get().id(), role, municipalityId));
        }
        if (invitations.findByEmailAndRoleAndScopeId(normalized, role, municipalityId).isPresent()) {
            throw ApiException.conflict("problem.conflict.roleInvited");
        }
        return new StaffAssignment.Invited(invite(actor, normalized, role, municipalityId));
    }

    /** Revokes an official or admin of the municipality. */
    @Transactional
    public void revokeStaff(UUID actor, UUID municipalityId, UUID assignmentId) {
        requireAdmin(actor, municipalityId);
        RoleAssignment assignment = assignments.findByIdAndScopeId(assignmentId, municipalityId)
                .filter(a -> STAFF.contains(a.role()))
                .orElseThrow(() -> ApiException.notFound("problem.notFound.roleAssignment"));
        requireAnotherAdmin(assignment);
        revoke(actor, assignment);
    }

    /**
     * The trail of role changes in a municipality, newest first: its officials and admins and the
     * boards of its wijkplatforms, for its admins only. A bounded number of reads per page.
     */
    @Transactional
    public Page<RoleChangeView> roleChanges(UUID actor, UUID municipalityId, PageRequest page) {
        requireAdmin(actor, municipalityId);
        Map<String, String> scopeNames = new LinkedHashMap<>();
        scopeNames.put(municipalityId.toString(), geography.get().getMunicipality(municipalityId).name());
        geography.get().wijkenOf(municipalityId).stream().filter(wijk -> wijk.wijkplatform() != null)
                .forEach(wijk -> scopeNames.put(wijk.wijkplatform().id().toString(), wijk.wijkplatform().name()));
        ListScope scope = ListScope.of("role-changes", municipalityId);
        List<RoleChange> rows = cursors.after(page, scope)
                .map(key -> changes.scopePageAfter(scopeNames.keySet(), key.instant(0), key.text(1), page.fetchSize()))
                .orElseGet(() -> changes.firstScopePage(scopeNames.keySet(), page.fetchSize()));
        Set<UUID> ids = new java.util.HashSet<>();
        rows.forEach(change -> {
            ids.add(change.accountId());
            if (change.actorId() != null) {
                ids.add(change.actorId());
            }
        });
        Map<UUID, Account> people = ids.isEmpty() ? Map.of() : accounts.findByIdIn(ids).stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
        return cursors.page(rows, page, scope, change -> List.of(change.changedAt(), change.id()), change -> {
            Optional<Account> person = Optional.ofNullable(people.get(change.accountId()));
            String actorName = change.actorId() == null ? null
                    : Optional.ofNullable(people.get(change.actorId())).map(Account::displayName).orElse(null);
            return new RoleChangeView(change.id(), change.accountId(), person.map(Account::displayName).orElse(null),
                    person.map(Account::email).orElse(null), change.role(), change.scopeId(),
                    scopeNames.get(change.scopeId().toString()), change.action() == RoleChange.Action.GRANTED, actorName,
                    change.changedAt());
        });
    }

    @Transactional
    List<RoleChange> historyOf(UUID accountId) {
        return changes.findByAccountIdOrderByChangedAt(accountId);
    }

    /** The role changes the person made as an admin, and the invitations they sent, for their export. */
    @Transactional
    List<RoleChange> changesMadeBy(UUID accountId) {
        return changes.findByActorIdOrderByChangedAt(accountId);
    }

    @Transactional
    List<RoleInvitation> invitationsSentBy(UUID accountId) {
        return invitations.findByInvitedByOrderByInvitedAt(accountId);
    }

    /**
     * On erasure, after {@link #revokeAll}: the person leaves the role trail, as the subject of its
     * lines and as their actor, and invitations to their address go.
     */
    @Transactional
    void forget(UUID accountId, @Nullable String email) {
        changes.deleteOf(accountId);
        changes.detachActor(accountId);
        assignments.detachAssigner(accountId);
        invitations.detachInviter(accountId);
        if (email != null) {
            invitations.deleteForEmail(email);
        }
    }

    /** On erasure the person's roles end, with an audit line each; the last admin cannot leave. */
    @Transactional
    public void revokeAll(UUID actor, UUID accountId) {
        List<RoleAssignment> held = assignments.findByAccountId(accountId);
        held.forEach(this::requireAnotherAdmin);
        held.forEach(assignment -> revoke(actor, assignment));
    }

    private void requireAdmin(UUID actor, UUID municipalityId) {
        geography.get().getMunicipality(municipalityId);
        require(actor, Role.ADMIN, municipalityId);
    }

    /** A municipality always keeps an admin, or nobody could manage it any more. */
    private void requireAnotherAdmin(RoleAssignment assignment) {
        if (assignment.role() == Role.ADMIN && assignments.lockAdmins(assignment.scopeId()).size() <= 1) {
            throw ApiException.conflict("problem.conflict.lastAdmin");
        }
    }

    private static void requireStaffRole(Role role) {
        if (!STAFF.contains(role)) {
            throw ApiException.invalid("role", "validation.role.staff");
        }
    }

    private List<AssignedRole> withAccounts(List<RoleAssignment> rows) {
        Map<UUID, Account> people = accountsOf(rows);
        return rows.stream().map(a -> view(a, people.get(a.accountId()))).toList();
    }

    private Map<UUID, Account> accountsOf(List<RoleAssignment> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        return accounts.findByIdIn(rows.stream().map(RoleAssignment::accountId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
    }

    private static AssignedRole view(RoleAssignment assignment, Account account) {
        return new AssignedRole(assignment.id(), assignment.accountId(), account.displayName(), account.email(),
                assignment.role(), assignment.assignedAt());
    }
}
