package nl.wijkopmaat.budget;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.MYSQL)
interface BudgetSettingsRepository extends GenericRepository<BudgetSettings, UUID> {

    Optional<BudgetSettings> findById(UUID municipalityId);

    /** One statement whose primary key decides whether the row is new. */
    @Query("""
            INSERT INTO budget_settings (municipality_id, grant_threshold_cents, year_end_policy, updated_at)
            VALUES (:municipalityId, :thresholdCents, :policy, :now)
            ON DUPLICATE KEY UPDATE grant_threshold_cents = :thresholdCents, year_end_policy = :policy, updated_at = :now""")
    void put(UUID municipalityId, long thresholdCents, String policy, Instant now);
}
