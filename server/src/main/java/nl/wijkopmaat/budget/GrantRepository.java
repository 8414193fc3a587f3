package nl.wijkopmaat.budget;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface GrantRepository extends GenericRepository<Grant, UUID> {

    Grant save(Grant grant);

    Grant update(Grant grant);

    Optional<Grant> findById(UUID id);

    /** Read after its budget's row is locked: a locking read sees the latest totals, not the transaction's snapshot. */
    @Query("SELECT * FROM budget_grant WHERE id = :id FOR UPDATE")
    Optional<Grant> findByIdForUpdate(UUID id);

    @Query("SELECT * FROM budget_grant WHERE budget_id = :budgetId ORDER BY seq")
    List<Grant> allOf(UUID budgetId);

    @Query("SELECT * FROM budget_grant WHERE budget_id = :budgetId ORDER BY seq LIMIT :limit")
    List<Grant> firstPage(UUID budgetId, int limit);

    /** The hint keeps MariaDB on a range from the cursor's row instead of a ref on the prefix. */
    @Query("""
            SELECT * FROM budget_grant FORCE INDEX (ix_budget_grant_budget)
            WHERE budget_id = :budgetId AND seq > :afterSeq ORDER BY seq LIMIT :limit""")
    List<Grant> pageAfter(UUID budgetId, long afterSeq, int limit);

    @Query("SELECT * FROM budget_grant WHERE proposed_by = :accountId OR decided_by = :accountId ORDER BY seq")
    List<Grant> involving(UUID accountId);

    @Query("UPDATE budget_grant SET proposed_by = NULL WHERE proposed_by = :accountId")
    void detachProposer(UUID accountId);

    @Query("UPDATE budget_grant SET decided_by = NULL WHERE decided_by = :accountId")
    void detachDecider(UUID accountId);
}
