package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something happened around a dialoogtafel, with the facts that decide who hears about it: who
 * acted, the people concerned ({@code recipientIds}: for a registration or its cancellation that
 * person, for a promotion the promoted, for a change or cancellation everyone registered or
 * waitlisted, for a report the confirmed participants, for an announcement a batch of residents of
 * the wijk), and the confirmed participants whose reminder follows the table. Who hears what, and
 * when the reminder goes out, is the notification feature's rule. Published inside the transaction of
 * the change.
 */
public record DialoogtafelEvent(Kind kind, UUID dialoogtafelId, String title, @Nullable UUID actorId, Instant startsAt,
                                @Nullable String place, List<UUID> recipientIds, List<UUID> confirmedIds,
                                Instant occurredAt) {

    public enum Kind {
        /** A batch of residents of the wijk to tell of a new table. */
        ANNOUNCED,
        /** A seat was taken: the person's reminder is scheduled. */
        CONFIRMED,
        /** Promoted from the waiting list to a seat. */
        PROMOTED,
        /** A registration was cancelled: the person's reminder is withdrawn. */
        UNREGISTERED,
        /** The time or place changed. */
        CHANGED,
        CANCELLED,
        REPORT_PUBLISHED
    }
}
