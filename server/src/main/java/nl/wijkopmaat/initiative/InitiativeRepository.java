package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface InitiativeRepository extends CrudRepository<Initiative, UUID> {

    /**
     * Every change to an initiative starts here: the row lock serialises it with concurrent changes
     * and with support counting, so no update writes back a stale support count.
     */
    @Query("SELECT * FROM initiative WHERE id = :id FOR UPDATE")
    Optional<Initiative> findByIdForUpdate(UUID id);

    @Query("UPDATE initiative SET support_count = support_count + :delta WHERE id = :id")
    void addSupport(UUID id, int delta);

    /** In review past the answer date: the most overdue first. A null wijk means the whole municipality. */
    @Query("""
            SELECT * FROM initiative WHERE municipality_id = :municipalityId AND status = 'IN_REVIEW'
              AND answer_due_date < :today AND (:wijkId IS NULL OR wijk_id = :wijkId)
            ORDER BY answer_due_date, id LIMIT :limit""")
    List<Initiative> overdueFirstPage(UUID municipalityId, @Nullable UUID wijkId, LocalDate today, int limit);

    @Query("""
            SELECT * FROM initiative WHERE municipality_id = :municipalityId AND status = 'IN_REVIEW'
              AND answer_due_date < :today AND (:wijkId IS NULL OR wijk_id = :wijkId)
              AND answer_due_date >= :afterDate AND (answer_due_date > :afterDate OR id > :afterId)
            ORDER BY answer_due_date, id LIMIT :limit""")
    List<Initiative> overduePageAfter(UUID municipalityId, @Nullable UUID wijkId, LocalDate today, LocalDate afterDate,
                                      String afterId, int limit);

    List<Initiative> findByAuthorIdOrderByCreatedAt(UUID authorId);

    /** Never-submitted initiatives are private; on erasure they go, with their history. */
    @Query("""
            DELETE FROM initiative_status_change
            WHERE initiative_id IN (SELECT id FROM initiative WHERE author_id = :authorId AND submitted_at IS NULL)""")
    void deleteUnsubmittedHistoryOf(UUID authorId);

    @Query("DELETE FROM initiative WHERE author_id = :authorId AND submitted_at IS NULL")
    void deleteUnsubmittedOf(UUID authorId);

    @Query("UPDATE initiative SET owner_id = NULL WHERE owner_id = :ownerId")
    void detachOwner(UUID ownerId);

    @Query("UPDATE initiative SET author_id = NULL WHERE author_id = :authorId")
    void detachAuthor(UUID authorId);
}
