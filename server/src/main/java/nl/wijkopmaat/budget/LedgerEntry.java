package nl.wijkopmaat.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a year's ledger, never changed once written. {@code availableCents} is the year's
 * available amount right after it: the ledger's running balance.
 */
@MappedEntity("budget_entry")
record LedgerEntry(
        @Id UUID id,
        @GeneratedValue @Nullable Long seq,
        UUID budgetId,
        EntryType entryType,
        long amountCents,
        long availableCents,
        @Nullable UUID grantId,
        @Nullable UUID initiativeId,
        @Nullable String partnerName,
        @Nullable LocalDate paidOn,
        @Nullable String reference,
        @Nullable String reason,
        Instant createdAt) {
}
