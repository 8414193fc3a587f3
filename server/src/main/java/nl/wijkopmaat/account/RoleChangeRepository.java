package nl.wijkopmaat.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RoleChangeRepository extends CrudRepository<RoleChange, UUID> {

    List<RoleChange> findByAccountIdOrderByChangedAt(UUID accountId);

    List<RoleChange> findByActorIdOrderByChangedAt(UUID actorId);

    @Query("DELETE FROM role_change WHERE account_id = :accountId")
    void deleteOf(UUID accountId);

    @Query("UPDATE role_change SET actor_id = NULL WHERE actor_id = :actorId")
    void detachActor(UUID actorId);
}
