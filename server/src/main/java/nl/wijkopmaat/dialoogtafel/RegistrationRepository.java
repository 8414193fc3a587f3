package nl.wijkopmaat.dialoogtafel;

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
interface RegistrationRepository extends CrudRepository<Registration, UUID> {

    Optional<Registration> findByDialoogtafelIdAndAccountId(UUID dialoogtafelId, UUID accountId);

    @Query("DELETE FROM dialoogtafel_registration WHERE id = :id")
    void remove(UUID id);

    /** Those waiting with a queue number from {@code first} to {@code last}, in their order. */
    @Query("""
            SELECT * FROM dialoogtafel_registration WHERE dialoogtafel_id = :dialoogtafelId
              AND queue_number BETWEEN :first AND :last ORDER BY queue_number""")
    List<Registration> waiting(UUID dialoogtafelId, int first, int last);

    @Query("""
            UPDATE dialoogtafel_registration SET status = 'CONFIRMED', queue_number = NULL, confirmed_at = :now
            WHERE id IN (:ids)""")
    void confirm(Collection<UUID> ids, Instant now);

    /**
     * Moves everyone waiting after {@code queueNumber} up by one, nearest first, so that no two ever
     * hold one number, also between the rows of this one statement.
     */
    @Query("""
            UPDATE dialoogtafel_registration SET queue_number = queue_number - 1
            WHERE dialoogtafel_id = :dialoogtafelId AND queue_number > :queueNumber ORDER BY queue_number""")
    void moveUpAfter(UUID dialoogtafelId, int queueNumber);

    @Query("""
            SELECT account_id FROM dialoogtafel_registration WHERE dialoogtafel_id = :dialoogtafelId
              AND account_id IS NOT NULL AND status = :status ORDER BY seq""")
    List<String> peopleWith(UUID dialoogtafelId, RegistrationStatus status);

    @Query("SELECT account_id FROM dialoogtafel_registration WHERE dialoogtafel_id = :dialoogtafelId AND account_id IS NOT NULL ORDER BY seq")
    List<String> peopleOf(UUID dialoogtafelId);

    @Query("SELECT * FROM dialoogtafel_registration WHERE dialoogtafel_id = :dialoogtafelId ORDER BY seq LIMIT :limit")
    List<Registration> firstPage(UUID dialoogtafelId, int limit);

    @Query("""
            SELECT * FROM dialoogtafel_registration FORCE INDEX (ix_dialoogtafel_registration_table)
            WHERE dialoogtafel_id = :dialoogtafelId AND seq > :afterSeq ORDER BY seq LIMIT :limit""")
    List<Registration> pageAfter(UUID dialoogtafelId, long afterSeq, int limit);

    List<Registration> findByDialoogtafelIdAndIdIn(UUID dialoogtafelId, Collection<UUID> ids);

    @Query("""
            UPDATE dialoogtafel_registration SET attendance = :attendance, attendance_by = :by, attendance_at = :at
            WHERE id = :id""")
    void recordAttendance(UUID id, Attendance attendance, UUID by, Instant at);

    @Query("SELECT * FROM dialoogtafel_registration WHERE dialoogtafel_id = :dialoogtafelId AND status = 'CONFIRMED'")
    List<Registration> confirmedOf(UUID dialoogtafelId);

    /** The caller's registrations among a page of tables, in one statement. */
    @Query("SELECT * FROM dialoogtafel_registration WHERE account_id = :accountId AND dialoogtafel_id IN (:ids)")
    List<Registration> ofPersonAmong(UUID accountId, Collection<UUID> ids);

    @Query("SELECT * FROM dialoogtafel_registration WHERE account_id = :accountId ORDER BY seq")
    List<Registration> allOf(UUID accountId);

    @Query("SELECT * FROM dialoogtafel_registration WHERE attendance_by = :accountId ORDER BY attendance_at")
    List<Registration> recordedBy(UUID accountId);

    @Query("UPDATE dialoogtafel_registration SET account_id = NULL WHERE account_id = :accountId")
    void detachParticipant(UUID accountId);

    @Query("UPDATE dialoogtafel_registration SET attendance_by = NULL WHERE attendance_by = :accountId")
    void detachRecorder(UUID accountId);
}
