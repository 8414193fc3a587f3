package nl.wijkopmaat.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RoleChangeRepository extends CrudRepository<RoleChange, UUID> {

    List<RoleChange> findByAccountIdOrderByChangedAt(UUID accountId);

    List<RoleChange> findByActorIdOrderByChangedAt(UUID actorId);

    /** The newest changes in some scopes, e.g. a municipality and its wijkplatforms. */
    @Query("""
            SELECT * FROM role_change WHERE scope_id IN (:scopeIds)
            ORDER BY changed_at DESC, id DESC LIMIT :limit""")
    List<RoleChange> firstScopePage(Collection<String> scopeIds, int limit);

    @Query("""
            SELECT * FROM role_change WHERE scope_id IN (:scopeIds)
              AND (changed_at < :changedAt OR (changed_at = :changedAt AND id < :id))
            ORDER BY changed_at DESC, id DESC LIMIT :limit""")
    List<RoleChange> scopePageAfter(Collection<String> scopeIds, Instant changedAt, String id, int limit);

    @Query("DELETE FROM role_change WHERE account_id = :accountId")
    void deleteOf(UUID accountId);

    @Query("UPDATE role_change SET actor_id = NULL WHERE actor_id = :actorId")
    void detachActor(UUID actorId);
}
