package nl.wijkopmaat.volunteering;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ShiftRepository extends CrudRepository<Shift, UUID> {

    /** Every sign-up and change of a shift starts here: its seats are counted one request at a time. */
    @Query("SELECT * FROM volunteer_shift WHERE id = :id FOR UPDATE")
    Optional<Shift> findByIdForUpdate(UUID id);

    @Query("UPDATE volunteer_shift SET signed_up = signed_up + :delta WHERE id = :id")
    void addSeats(UUID id, int delta);

    /** The shifts still to come, soonest first, on (opportunity, start). */
    @Query("""
            SELECT * FROM volunteer_shift WHERE opportunity_id = :opportunityId AND starts_at > :now
              AND status = 'SCHEDULED' ORDER BY starts_at, id LIMIT :limit""")
    List<Shift> upcoming(UUID opportunityId, Instant now, int limit);

    /** All shifts of an opportunity by start, on (opportunity, start, id). */
    @Query("SELECT * FROM volunteer_shift WHERE opportunity_id = :opportunityId ORDER BY starts_at, id LIMIT :limit")
    List<Shift> firstPage(UUID opportunityId, int limit);

    /** Starts tie, so the bound names the tie: the range starts right after the cursor's row. */
    @Query("""
            SELECT * FROM volunteer_shift FORCE INDEX (ix_volunteer_shift_opportunity)
            WHERE opportunity_id = :opportunityId AND starts_at >= :afterStart
              AND (starts_at > :afterStart OR (starts_at = :afterStart AND id > :afterId))
            ORDER BY starts_at, id LIMIT :limit""")
    List<Shift> pageAfter(UUID opportunityId, Instant afterStart, String afterId, int limit);

    List<Shift> findByIdIn(List<UUID> ids);
}
