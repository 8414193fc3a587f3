package nl.wijkopmaat.challenge;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ChallengeStatusChangeRepository extends CrudRepository<ChallengeStatusChange, UUID> {

    @Query("SELECT * FROM challenge_status_change WHERE challenge_id = :challengeId ORDER BY seq LIMIT :limit")
    List<ChallengeStatusChange> firstPage(UUID challengeId, int limit);

    /** The hint keeps MariaDB on a range from the cursor's row, as for the initiatives' history. */
    @Query("""
            SELECT * FROM challenge_status_change FORCE INDEX (ix_challenge_status_change)
            WHERE challenge_id = :challengeId AND seq > :afterSeq ORDER BY seq LIMIT :limit""")
    List<ChallengeStatusChange> pageAfter(UUID challengeId, long afterSeq, int limit);

    List<ChallengeStatusChange> findByActorIdOrderByChangedAt(UUID actorId);

    @Query("UPDATE challenge_status_change SET actor_id = NULL WHERE actor_id = :actorId")
    void detachActor(UUID actorId);
}
