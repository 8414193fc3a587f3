package nl.wijkopmaat.account;

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
interface RoleInvitationRepository extends CrudRepository<RoleInvitation, UUID> {

    /** One statement: the unique key (email, role, scope) decides whether the invitation is new. */
    @Query("""
            INSERT INTO role_invitation (id, email, role, scope_id, invited_by, invited_at)
            VALUES (:id, :email, :role, :scopeId, :invitedBy, :now)
            ON DUPLICATE KEY UPDATE invited_by = :invitedBy, invited_at = :now""")
    void upsert(UUID id, String email, String role, UUID scopeId, @Nullable UUID invitedBy, Instant now);

    Optional<RoleInvitation> findByEmailAndRoleAndScopeId(String email, Role role, UUID scopeId);

    List<RoleInvitation> findByEmail(String email);

    List<RoleInvitation> findByScopeIdAndRoleInOrderByInvitedAt(UUID scopeId, Collection<Role> roles);

    List<RoleInvitation> findByInvitedByOrderByInvitedAt(UUID invitedBy);

    @Query("DELETE FROM role_invitation WHERE email = :email")
    void deleteForEmail(String email);

    @Query("UPDATE role_invitation SET invited_by = NULL WHERE invited_by = :invitedBy")
    void detachInviter(UUID invitedBy);
}
