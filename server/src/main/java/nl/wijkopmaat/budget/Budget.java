package nl.wijkopmaat.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * One wijkplatform's year with its running totals, changed only while its row is locked. The
 * available amount is what may still be reserved or committed; the database refuses a row where it
 * is negative or does not follow from the totals.
 */
@MappedEntity("budget")
record Budget(
        @Id UUID id,
        UUID wijkplatformId,
        UUID municipalityId,
        @MappedProperty("budget_year") int year,
        long allocatedCents,
        long contributedCents,
        long carriedInCents,
        long reservedCents,
        long committedCents,
        long paidCents,
        long releasedCents,
        long carriedOutCents,
        long returnedCents,
        long availableCents,
        @Nullable Instant closedAt,
        Instant createdAt,
        Instant updatedAt) {

    boolean closed() {
        return closedAt != null;
    }

    /** The totals after {@code move}; the caller has checked that the available amount stays non-negative. */
    Budget apply(Move move, Instant now) {
        return new Budget(id, wijkplatformId, municipalityId, year, allocatedCents + move.allocated(),
                contributedCents + move.contributed(), carriedInCents + move.carriedIn(), reservedCents + move.reserved(),
                committedCents + move.committed(), paidCents + move.paid(), releasedCents + move.released(),
                carriedOutCents + move.carriedOut(), returnedCents + move.returned(),
                availableCents + move.availableChange(), closedAt, createdAt, now);
    }

    Budget closedAt(Instant now) {
        return new Budget(id, wijkplatformId, municipalityId, year, allocatedCents, contributedCents, carriedInCents,
                reservedCents, committedCents, paidCents, releasedCents, carriedOutCents, returnedCents, availableCents,
                now, createdAt, now);
    }

    /** How one ledger entry changes the totals of its year. */
    record Move(long allocated, long contributed, long carriedIn, long reserved, long committed, long paid, long released,
                long carriedOut, long returned) {

        static Move allocation(long difference) {
            return new Move(difference, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        static Move contribution(long amount) {
            return new Move(0, amount, 0, 0, 0, 0, 0, 0, 0);
        }

        static Move reservation(long amount) {
            return new Move(0, 0, 0, amount, 0, 0, 0, 0, 0);
        }

        static Move commitment(long amount) {
            return new Move(0, 0, 0, 0, amount, 0, 0, 0, 0);
        }

        /** A reservation becomes a commitment: nothing changes in what is available. */
        static Move confirmation(long amount) {
            return new Move(0, 0, 0, -amount, amount, 0, 0, 0, 0);
        }

        static Move cancellation(long amount) {
            return new Move(0, 0, 0, -amount, 0, 0, 0, 0, 0);
        }

        static Move payout(long amount) {
            return new Move(0, 0, 0, 0, 0, amount, 0, 0, 0);
        }

        static Move release(long amount) {
            return new Move(0, 0, 0, 0, 0, 0, amount, 0, 0);
        }

        static Move carryOut(long amount) {
            return new Move(0, 0, 0, 0, 0, 0, 0, amount, 0);
        }

        static Move carryIn(long amount) {
            return new Move(0, 0, amount, 0, 0, 0, 0, 0, 0);
        }

        static Move returning(long amount) {
            return new Move(0, 0, 0, 0, 0, 0, 0, 0, amount);
        }

        long availableChange() {
            return allocated + contributed + carriedIn - reserved - committed + released - carriedOut - returned;
        }
    }
}
