package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
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

    /** Where some initiatives are, in one statement: the municipality of each. */
    @Query("SELECT id, municipality_id FROM initiative WHERE id IN (:ids)")
    List<Place> placesOf(Collection<UUID> ids);

    @Introspected
    record Place(String id, String municipalityId) {
    }

    /** The initiatives of a wijk that may receive money (approved, or funded for a top-up), on (wijk, status). */
    @Query("""
            SELECT * FROM initiative WHERE wijk_id = :wijkId AND status IN ('APPROVED', 'FUNDED')
            ORDER BY title, id LIMIT :limit""")
    List<Initiative> fundableIn(UUID wijkId, int limit);

    @Query("UPDATE initiative SET support_count = support_count + :delta WHERE id = :id")
    void addSupport(UUID id, int delta);

    /**
     * In review past the answer date in a municipality: the most overdue first. Due dates tie, so the
     * bound names the tie explicitly and the range starts right after the cursor's row in
     * (municipality, status, due date, id); without the hint, MariaDB prefers a ref on the prefix and
     * reads the list from its start.
     */
    @Query("""
            SELECT * FROM initiative WHERE municipality_id = :municipalityId AND status = 'IN_REVIEW'
              AND answer_due_date < :today
            ORDER BY answer_due_date, id LIMIT :limit""")
    List<Initiative> overdueFirstPage(UUID municipalityId, LocalDate today, int limit);

    @Query("""
            SELECT * FROM initiative FORCE INDEX (ix_initiative_overdue)
            WHERE municipality_id = :municipalityId AND status = 'IN_REVIEW' AND answer_due_date < :today
              AND answer_due_date >= :afterDate
              AND (answer_due_date > :afterDate OR (answer_due_date = :afterDate AND id > :afterId))
            ORDER BY answer_due_date, id LIMIT :limit""")
    List<Initiative> overduePageAfter(UUID municipalityId, LocalDate today, LocalDate afterDate, String afterId,
                                      int limit);

    /** The same in one wijk of the municipality, on (wijk, status, due date, id). */
    @Query("""
            SELECT * FROM initiative WHERE wijk_id = :wijkId AND status = 'IN_REVIEW' AND answer_due_date < :today
              AND municipality_id = :municipalityId
            ORDER BY answer_due_date, id LIMIT :limit""")
    List<Initiative> overdueInWijkFirstPage(UUID municipalityId, UUID wijkId, LocalDate today, int limit);

    @Query("""
            SELECT * FROM initiative FORCE INDEX (ix_initiative_wijk_overdue)
            WHERE wijk_id = :wijkId AND status = 'IN_REVIEW' AND answer_due_date < :today
              AND municipality_id = :municipalityId AND answer_due_date >= :afterDate
              AND (answer_due_date > :afterDate OR (answer_due_date = :afterDate AND id > :afterId))
            ORDER BY answer_due_date, id LIMIT :limit""")
    List<Initiative> overdueInWijkPageAfter(UUID municipalityId, UUID wijkId, LocalDate today, LocalDate afterDate, String afterId,
                                            int limit);

    /**
     * What an official owns and still has to answer in a municipality, the first due first: their own
     * initiatives are few, so these read the owner's rows and sort them.
     */
    @Query("""
            SELECT * FROM initiative WHERE owner_id = :ownerId AND municipality_id = :municipalityId AND status = 'IN_REVIEW'
            ORDER BY answer_due_date, id LIMIT :limit""")
    List<Initiative> ownedInReviewFirstPage(UUID ownerId, UUID municipalityId, int limit);

    @Query("""
            SELECT * FROM initiative WHERE owner_id = :ownerId AND municipality_id = :municipalityId AND status = 'IN_REVIEW'
              AND (answer_due_date > :afterDate OR (answer_due_date = :afterDate AND id > :afterId))
            ORDER BY answer_due_date, id LIMIT :limit""")
    List<Initiative> ownedInReviewPageAfter(UUID ownerId, UUID municipalityId, LocalDate afterDate, String afterId, int limit);

    /** Submitted and waiting for an official to take it, the longest waiting first, on (municipality, status). */
    @Query("""
            SELECT * FROM initiative WHERE municipality_id = :municipalityId AND status = 'SUBMITTED' AND owner_id IS NULL
            ORDER BY submitted_at, id LIMIT :limit""")
    List<Initiative> awaitingOwnerFirstPage(UUID municipalityId, int limit);

    @Query("""
            SELECT * FROM initiative WHERE municipality_id = :municipalityId AND status = 'SUBMITTED' AND owner_id IS NULL
              AND (submitted_at > :afterSubmitted OR (submitted_at = :afterSubmitted AND id > :afterId))
            ORDER BY submitted_at, id LIMIT :limit""")
    List<Initiative> awaitingOwnerPageAfter(UUID municipalityId, Instant afterSubmitted, String afterId, int limit);

    /** In review in a wijk and still within the answer term, the first due first, on (wijk, status, due date). */
    @Query("""
            SELECT * FROM initiative WHERE wijk_id = :wijkId AND status = 'IN_REVIEW' AND answer_due_date >= :today
              AND municipality_id = :municipalityId
            ORDER BY answer_due_date, id LIMIT :limit""")
    List<Initiative> inTermInWijkFirstPage(UUID municipalityId, UUID wijkId, LocalDate today, int limit);

    @Query("""
            SELECT * FROM initiative FORCE INDEX (ix_initiative_wijk_overdue)
            WHERE wijk_id = :wijkId AND status = 'IN_REVIEW' AND answer_due_date >= :today
              AND municipality_id = :municipalityId AND answer_due_date >= :afterDate
              AND (answer_due_date > :afterDate OR (answer_due_date = :afterDate AND id > :afterId))
            ORDER BY answer_due_date, id LIMIT :limit""")
    List<Initiative> inTermInWijkPageAfter(UUID municipalityId, UUID wijkId, LocalDate today, LocalDate afterDate,
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
