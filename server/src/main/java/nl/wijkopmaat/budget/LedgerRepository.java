package nl.wijkopmaat.budget;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

/**
 * Appends to the ledger. There is deliberately no update or delete here: entries are only ever
 * inserted, and the database refuses anything else (V10__wijkbudget.sql).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LedgerRepository extends GenericRepository<LedgerEntry, UUID> {

    LedgerEntry save(LedgerEntry entry);

    @Query("INSERT INTO budget_entry_actor (entry_id, actor_id) VALUES (:entryId, :actorId)")
    void recordActor(UUID entryId, UUID actorId);

    /** Detaches a person from what they booked: the link goes, the entry stays. */
    @Query("DELETE FROM budget_entry_actor WHERE actor_id = :accountId")
    void detachActor(UUID accountId);
}
