package nl.wijkopmaat.account;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.Cursors;
import nl.wijkopmaat.common.paging.ListScope;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Authorizations;
import nl.wijkopmaat.common.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    private static final Logger LOG = LoggerFactory.getLogger(RoleAssignmentService.class);
    private static final Set<Role> STAFF = Set.of(Role.OFFICIAL, Role.ADMIN);

    private final RoleAssignmentRepository assignments;
    private final RoleChangeRepository changes;
    private final AccountRepository accounts;
    private final Cursors cursors;
    private final Clock clock;

    RoleAssignmentService(RoleAssignmentRepository assignments, RoleChangeRepository changes,
                          AccountRepository accounts, Cursors cursors, Clock clock) {
        this.assignments = assignments;
        this.changes = changes;
        this.accounts = accounts;
        this.cursors = cursors;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean has(UUID accountId, Role role, UUID scopeId) {
        return assignments.existsByAccountIdAndRoleAndScopeId(accountId, role, scopeId);
    }

    /** Grants a role; granting one the person already holds is a conflict. */
    @Transactional
    public AssignedRole grant(UUID actor, UUID accountId, Role role, UUID scopeId) {
        if (has(accountId, role, scopeId)) {
            throw ApiException.conflict("problem.conflict.roleAssigned");
        }
        Instant now = clock.instant();
        RoleAssignment assignment = assignments.save(new RoleAssignment(UUID.randomUUID(), accountId, role, scopeId, actor, now));
        changes.save(new RoleChange(UUID.randomUUID(), accountId, role, scopeId, RoleChange.Action.GRANTED, actor, now));
        LOG.info("Role {} granted in scope {} to account {} by {}", role, scopeId, accountId, actor);
        return view(assignment, accounts.findById(accountId).orElseThrow());
    }

    private void revoke(UUID actor, RoleAssignment assignment) {
        assignments.delete(assignment);
        changes.save(new RoleChange(UUID.randomUUID(), assignment.accountId(), assignment.role(), assignment.scopeId(),
                RoleChange.Action.REVOKED, actor, clock.instant()));
        LOG.info("Role {} revoked in scope {} from account {} by {}", assignment.role(), assignment.scopeId(),
                assignment.accountId(), actor);
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
     * Makes the holders of {@code roles} in {@code scopeId} exactly {@code wanted}: revokes what is no
     * longer wanted and grants what is new, each with an audit line.
     */
    @Transactional
    public List<AssignedRole> replaceHolders(UUID actor, UUID scopeId, Collection<Role> roles, Map<UUID, Role> wanted) {
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
    Page<Official> officials(UUID actor, UUID municipalityId, PageRequest page) {
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

    @Transactional
    public AssignedRole grantStaff(UUID actor, UUID municipalityId, UUID accountId, Role role) {
        requireStaffRole(role);
        return grant(actor, accountId, role, municipalityId);
    }

    /** Revokes an official or admin of the municipality. */
    @Transactional
    public void revokeStaff(UUID actor, UUID municipalityId, UUID assignmentId) {
        RoleAssignment assignment = assignments.findByIdAndScopeId(assignmentId, municipalityId)
                .filter(a -> STAFF.contains(a.role()))
                .orElseThrow(() -> ApiException.notFound("problem.notFound.roleAssignment"));
        requireAnotherAdmin(assignment);
        revoke(actor, assignment);
    }

    @Transactional
    List<RoleChange> historyOf(UUID accountId) {
        return changes.findByAccountIdOrderByChangedAt(accountId);
    }

    /** On erasure the person's roles end, with an audit line each; the last admin cannot leave. */
    @Transactional
    public void revokeAll(UUID actor, UUID accountId) {
        List<RoleAssignment> held = assignments.findByAccountId(accountId);
        held.forEach(this::requireAnotherAdmin);
        held.forEach(assignment -> revoke(actor, assignment));
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
