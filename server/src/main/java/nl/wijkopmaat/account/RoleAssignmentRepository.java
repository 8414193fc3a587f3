package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RoleAssignmentRepository extends CrudRepository<RoleAssignment, UUID> {

    boolean existsByAccountIdAndRoleAndScopeId(UUID accountId, Role role, UUID scopeId);

    Optional<RoleAssignment> findByIdAndScopeId(UUID id, UUID scopeId);

    List<RoleAssignment> findByAccountId(UUID accountId);

    boolean existsByAccountId(UUID accountId);

    @Query("UPDATE role_assignment SET assigned_by = NULL WHERE assigned_by = :assignedBy")
    void detachAssigner(UUID assignedBy);

    List<RoleAssignment> findByScopeIdAndRoleInOrderByAssignedAt(UUID scopeId, Collection<Role> roles);

    /** A holder of a role by name only: what may be shown to anyone. */
    @Introspected
    record HolderName(String role, @Nullable String displayName) {
    }

    /** The names of the holders of some roles in one scope, longest-serving first: one statement. */
    @Query("""
            SELECT r.role, a.display_name
            FROM role_assignment r JOIN account a ON a.id = r.account_id
            WHERE r.scope_id = :scopeId AND r.role IN (:roles)
            ORDER BY r.assigned_at, r.id""")
    List<HolderName> holderNames(String scopeId, Collection<String> roles);

    /** The admins of a municipality, locked: removing one of them is decided one at a time. */
    @Query("SELECT * FROM role_assignment WHERE scope_id = :scopeId AND role = 'ADMIN' FOR UPDATE")
    List<RoleAssignment> lockAdmins(UUID scopeId);

    /** An official's assignment with the name of the person, for pages of officials. */
    @Introspected
    record OfficialRow(String assignmentId, String accountId, @Nullable String displayName) {
    }

    /**
     * The officials of a municipality in the order of the scope index (scope, role and, inside
     * InnoDB's secondary index, the assignment id), with their names joined in: one statement a page.
     */
    @Query("""
            SELECT r.id AS assignment_id, r.account_id, a.display_name
            FROM role_assignment r JOIN account a ON a.id = r.account_id
            WHERE r.scope_id = :scopeId AND r.role = 'OFFICIAL'
            ORDER BY r.id LIMIT :limit""")
    List<OfficialRow> firstOfficialsPage(String scopeId, int limit);

    @Query("""
            SELECT r.id AS assignment_id, r.account_id, a.display_name
            FROM role_assignment r FORCE INDEX (ix_role_assignment_scope) JOIN account a ON a.id = r.account_id
            WHERE r.scope_id = :scopeId AND r.role = 'OFFICIAL' AND r.id > :afterId
            ORDER BY r.id LIMIT :limit""")
    List<OfficialRow> officialsPageAfter(String scopeId, String afterId, int limit);

    @Query("""
            SELECT * FROM role_assignment WHERE scope_id = :scopeId AND role IN ('OFFICIAL', 'ADMIN')
            ORDER BY assigned_at, id LIMIT :limit""")
    List<RoleAssignment> firstStaffPage(String scopeId, int limit);

    /**
     * Times tie (whole seconds), so the bound names the tie explicitly: the range then starts right
     * after the cursor's row in (scope, assigned_at, id). Without the hint, MariaDB prefers a ref
     * on scope alone and reads the list from its start.
     */
    @Query("""
            SELECT * FROM role_assignment FORCE INDEX (ix_role_assignment_staff)
            WHERE scope_id = :scopeId AND role IN ('OFFICIAL', 'ADMIN')
              AND assigned_at >= :assignedAt AND (assigned_at > :assignedAt OR (assigned_at = :assignedAt AND id > :id))
            ORDER BY assigned_at, id LIMIT :limit""")
    List<RoleAssignment> staffPageAfter(String scopeId, Instant assignedAt, String id, int limit);
}
