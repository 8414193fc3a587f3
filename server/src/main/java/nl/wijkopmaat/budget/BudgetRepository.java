package nl.wijkopmaat.budget;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface BudgetRepository extends GenericRepository<Budget, UUID> {

    /**
     * Makes sure the year's row exists, in one statement that the unique key decides. On an existing
     * row it takes the exclusive lock at once (where {@code INSERT IGNORE} would take a shared one,
     * and two requests upgrading their shared locks would deadlock); the lock is held until commit.
     */
    @Query("""
            INSERT INTO budget (id, wijkplatform_id, municipality_id, budget_year, created_at, updated_at)
            VALUES (:id, :wijkplatformId, :municipalityId, :year, :now, :now)
            ON DUPLICATE KEY UPDATE id = id""")
    void ensure(UUID id, UUID wijkplatformId, UUID municipalityId, int year, Instant now);

    /** Every change to a year's money starts here: changes to one budget are applied one after the other. */
    @Query("SELECT * FROM budget WHERE wijkplatform_id = :wijkplatformId AND budget_year = :year FOR UPDATE")
    Optional<Budget> findForUpdate(UUID wijkplatformId, int year);

    @Query("SELECT * FROM budget WHERE id = :id FOR UPDATE")
    Optional<Budget> findByIdForUpdate(UUID id);

    @Query("SELECT * FROM budget WHERE wijkplatform_id = :wijkplatformId AND budget_year = :year")
    Optional<Budget> find(UUID wijkplatformId, int year);

    @Query("SELECT b.* FROM budget b JOIN budget_grant g ON g.budget_id = b.id WHERE g.id = :grantId")
    Optional<Budget> findByGrant(UUID grantId);

    Budget update(Budget budget);

    /** The platform's years, newest first, on (wijkplatform, year). */
    @Query("SELECT * FROM budget WHERE wijkplatform_id = :wijkplatformId ORDER BY budget_year DESC LIMIT :limit")
    List<Budget> yearsFirstPage(UUID wijkplatformId, int limit);

    @Query("""
            SELECT * FROM budget WHERE wijkplatform_id = :wijkplatformId AND budget_year < :beforeYear
            ORDER BY budget_year DESC LIMIT :limit""")
    List<Budget> yearsPageAfter(UUID wijkplatformId, int beforeYear, int limit);
}
