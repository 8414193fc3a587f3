package nl.wijkopmaat.budget;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A municipality's wijkbudget rules; without a row, the configured defaults hold. */
@MappedEntity("budget_settings")
record BudgetSettings(@Id UUID municipalityId, long grantThresholdCents, YearEndPolicy yearEndPolicy, Instant updatedAt) {
}
