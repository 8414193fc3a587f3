package nl.wijkopmaat.initiative;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface StatusChangeRepository extends CrudRepository<StatusChange, UUID> {

    @Query("SELECT * FROM initiative_status_change WHERE initiative_id = :initiativeId ORDER BY seq LIMIT :limit")
    List<StatusChange> firstPage(UUID initiativeId, int limit);

    /**
     * The hint keeps MariaDB on a range from the cursor's row: it otherwise prefers a ref on the
     * prefix and reads the list from its start.
     */
    @Query("""
            SELECT * FROM initiative_status_change FORCE INDEX (ix_status_change_initiative)
            WHERE initiative_id = :initiativeId AND seq > :afterSeq
            ORDER BY seq LIMIT :limit""")
    List<StatusChange> pageAfter(UUID initiativeId, long afterSeq, int limit);

    List<StatusChange> findByActorIdOrderByChangedAt(UUID actorId);

    @Query("UPDATE initiative_status_change SET actor_id = NULL WHERE actor_id = :actorId")
    void detachActor(UUID actorId);
}
