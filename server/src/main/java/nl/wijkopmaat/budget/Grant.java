package nl.wijkopmaat.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.wijkopmaat.common.security.Role;

import java.time.Instant;
import java.util.UUID;

/**
 * A toekenning: money of one budget year for one initiative. {@code proposedAs} is the board role
 * of the person who proposed it, which decides who may confirm it. Paid plus released never exceeds
 * the amount. {@code seq}, its place in the order of arrival, is given by the database.
 */
@MappedEntity("budget_grant")
record Grant(
        @Id UUID id,
        @GeneratedValue @Nullable Long seq,
        UUID budgetId,
        UUID initiativeId,
        String initiativeTitle,
        long amountCents,
        long paidCents,
        long releasedCents,
        GrantStatus status,
        @Nullable String note,
        Role proposedAs,
        @Nullable UUID proposedBy,
        @Nullable UUID decidedBy,
        Instant createdAt,
        @Nullable Instant decidedAt) {

    /** What may still be paid out or released. */
    long openCents() {
        return amountCents - paidCents - releasedCents;
    }

    Grant decided(GrantStatus newStatus, UUID actor, Instant now) {
        return new Grant(id, seq, budgetId, initiativeId, initiativeTitle, amountCents, paidCents, releasedCents, newStatus,
                note, proposedAs, proposedBy, actor, createdAt, now);
    }

    Grant spent(long paid, long released) {
        return new Grant(id, seq, budgetId, initiativeId, initiativeTitle, amountCents, paidCents + paid,
                releasedCents + released, status, note, proposedAs, proposedBy, decidedBy, createdAt, decidedAt);
    }
}
