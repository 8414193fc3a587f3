package nl.wijkopmaat.dialoogtafel;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DialoogtafelRepository extends CrudRepository<Dialoogtafel, UUID> {

    /** Every registration and change of a table starts here: its seats and waiting list change one request at a time. */
    @Query("SELECT * FROM dialoogtafel WHERE id = :id FOR UPDATE")
    Optional<Dialoogtafel> findByIdForUpdate(UUID id);

    @Query("UPDATE dialoogtafel SET confirmed = confirmed + :confirmed, waitlisted = waitlisted + :waitlisted WHERE id = :id")
    void count(UUID id, int confirmed, int waitlisted);

    /** {@code seats} people of the head of the waiting list got a seat: their queue numbers are served. */
    @Query("""
            UPDATE dialoogtafel SET confirmed = confirmed + :seats, waitlisted = waitlisted - :seats,
              queue_served = queue_served + :seats WHERE id = :id""")
    void serve(UUID id, int seats);

    Optional<Dialoogtafel> findFirstByWijkIdAndTitle(UUID wijkId, String title);

    List<Dialoogtafel> findByCreatedByOrderByCreatedAt(UUID createdBy);

    List<Dialoogtafel> findByIdIn(List<UUID> ids);

    @Query("UPDATE dialoogtafel SET created_by = NULL WHERE created_by = :accountId")
    void detachCreator(UUID accountId);
}
