package nl.wijkopmaat.volunteering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SignupRepository extends CrudRepository<Signup, UUID> {

    Optional<Signup> findByShiftIdAndAccountId(UUID shiftId, UUID accountId);

    /**
     * A seat of the person on another shift that overlaps {@code [startsAt, endsAt)}; shifts that
     * only touch (one ends when the other starts) do not overlap. A range of the person's shifts that
     * end after the start, on (account, end): few, as none of them overlap.
     */
    @Query("""
            SELECT * FROM volunteer_signup WHERE account_id = :accountId AND ends_at > :startsAt
              AND starts_at < :endsAt AND active = 1 AND shift_id <> :shiftId
            ORDER BY starts_at LIMIT 1""")
    Optional<Signup> overlapping(UUID accountId, Instant startsAt, Instant endsAt, UUID shiftId);

    /**
     * A sign-up of any of {@code accountIds} that overlaps the period, as a locking read in one
     * statement: for a change of a shift's time, which reads after other locks were taken and must
     * see the latest sign-ups of the people it locked.
     */
    @Query("""
            SELECT * FROM volunteer_signup WHERE account_id IN (:accountIds) AND ends_at > :startsAt
              AND starts_at < :endsAt AND active = 1 AND shift_id <> :shiftId
            ORDER BY starts_at LIMIT 1 LOCK IN SHARE MODE""")
    Optional<Signup> overlappingAnyLocked(Collection<UUID> accountIds, Instant startsAt, Instant endsAt, UUID shiftId);

    @Query("SELECT account_id FROM volunteer_signup WHERE shift_id = :shiftId AND account_id IS NOT NULL FOR UPDATE")
    List<String> volunteersOfLocked(UUID shiftId);

    @Query("DELETE FROM volunteer_signup WHERE id = :id")
    void remove(UUID id);

    @Query("SELECT account_id FROM volunteer_signup WHERE shift_id = :shiftId AND account_id IS NOT NULL ORDER BY account_id")
    List<String> volunteersOf(UUID shiftId);

    @Query("UPDATE volunteer_signup SET starts_at = :startsAt, ends_at = :endsAt WHERE shift_id = :shiftId")
    void moveWithShift(UUID shiftId, Instant startsAt, Instant endsAt);

    @Query("UPDATE volunteer_signup SET active = 0 WHERE shift_id = :shiftId")
    void deactivate(UUID shiftId);

    @Query("""
            UPDATE volunteer_signup SET outcome = :outcome, minutes = :minutes, confirmed_by = :confirmedBy,
              confirmed_at = :confirmedAt WHERE id = :id""")
    void confirm(UUID id, HoursOutcome outcome, @Nullable Integer minutes, UUID confirmedBy, Instant confirmedAt);

    @Query("SELECT * FROM volunteer_signup WHERE shift_id = :shiftId ORDER BY seq LIMIT :limit")
    List<Signup> firstPage(UUID shiftId, int limit);

    @Query("""
            SELECT * FROM volunteer_signup FORCE INDEX (ix_volunteer_signup_shift)
            WHERE shift_id = :shiftId AND seq > :afterSeq ORDER BY seq LIMIT :limit""")
    List<Signup> pageAfter(UUID shiftId, long afterSeq, int limit);

    @Query("SELECT * FROM volunteer_signup WHERE shift_id = :shiftId AND account_id IS NOT NULL")
    List<Signup> findByShift(UUID shiftId);

    /** The person's shifts that have not ended, soonest first. */
    @Query("""
            SELECT * FROM volunteer_signup WHERE account_id = :accountId AND ends_at > :now
            ORDER BY ends_at LIMIT :limit""")
    List<Signup> upcomingOf(UUID accountId, Instant now, int limit);

    /** The person's ended shifts, latest first. */
    @Query("""
            SELECT * FROM volunteer_signup WHERE account_id = :accountId AND ends_at <= :now
            ORDER BY ends_at DESC LIMIT :limit""")
    List<Signup> pastOf(UUID accountId, Instant now, int limit);

    @Query("SELECT * FROM volunteer_signup WHERE account_id = :accountId AND outcome = 'PRESENT' ORDER BY starts_at")
    List<Signup> confirmedOf(UUID accountId);

    @Query("SELECT * FROM volunteer_signup WHERE account_id = :accountId ORDER BY starts_at")
    List<Signup> allOf(UUID accountId);

    @Query("SELECT * FROM volunteer_signup WHERE confirmed_by = :accountId ORDER BY confirmed_at")
    List<Signup> confirmedBy(UUID accountId);

    /** On erasure: the seats of shifts still to come are given back. */
    @Query("""
            UPDATE volunteer_shift sh JOIN volunteer_signup s ON s.shift_id = sh.id
            SET sh.signed_up = sh.signed_up - 1 WHERE s.account_id = :accountId AND s.ends_at > :now""")
    void freeSeatsOf(UUID accountId, Instant now);

    @Query("DELETE FROM volunteer_signup WHERE account_id = :accountId AND ends_at > :now")
    void deleteUpcomingOf(UUID accountId, Instant now);

    @Query("UPDATE volunteer_signup SET account_id = NULL WHERE account_id = :accountId")
    void detachVolunteer(UUID accountId);

    @Query("UPDATE volunteer_signup SET confirmed_by = NULL WHERE confirmed_by = :accountId")
    void detachConfirmer(UUID accountId);
}
