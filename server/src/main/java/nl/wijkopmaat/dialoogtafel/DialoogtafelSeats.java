package nl.wijkopmaat.dialoogtafel;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.wijkopmaat.dialoogtafel.DialoogtafelEvent.Kind;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The seats and the waiting list of a table whose row the caller holds: a registration given back
 * frees its seat or its place in the list, and free seats go to the head of the list at once, in its
 * order, with the rest moving up. Used by the requests of the feature and by the erasure of an
 * account, which cancels the person's registrations of tables still to come as they would.
 */
@Singleton
class DialoogtafelSeats {

    private final DialoogtafelRepository tables;
    private final RegistrationRepository registrations;
    private final ApplicationEventPublisher<DialoogtafelEvent> events;
    private final Clock clock;

    DialoogtafelSeats(DialoogtafelRepository tables, RegistrationRepository registrations,
                      ApplicationEventPublisher<DialoogtafelEvent> events, Clock clock) {
        this.tables = tables;
        this.registrations = registrations;
        this.events = events;
        this.clock = clock;
    }

    /** Removes a registration and fills the seat it frees, or closes the gap it leaves in the waiting list. */
    void leave(Dialoogtafel table, Registration registration, UUID actor, Instant now) {
        registrations.remove(registration.id());
        if (registration.status() == RegistrationStatus.CONFIRMED) {
            tables.count(table.id(), -1, 0);
            promote(tables.findById(table.id()).orElseThrow(), 1, actor, now);
        } else {
            registrations.moveUpAfter(table.id(), Objects.requireNonNull(registration.queueNumber()));
            tables.count(table.id(), 0, -1);
        }
        if (registration.accountId() != null) {
            publish(Kind.UNREGISTERED, table, actor, List.of(registration.accountId()), List.of(), now);
        }
    }

    /**
     * Gives up to {@code seats} free seats to the head of the waiting list, in their order; the rest
     * of the list moves up by the numbers served, without a row of theirs changing. The promoted hear
     * of it. Returns who was promoted.
     */
    List<UUID> promote(Dialoogtafel table, int seats, UUID actor, Instant now) {
        int count = Math.min(Math.min(seats, table.waitlisted()), table.capacity() - table.confirmed());
        if (count <= 0) {
            return List.of();
        }
        List<Registration> head = registrations.waiting(table.id(), table.queueServed() + 1, table.queueServed() + count);
        registrations.confirm(head.stream().map(Registration::id).toList(), now);
        tables.serve(table.id(), count);
        List<UUID> promoted = head.stream().map(Registration::accountId).filter(Objects::nonNull).toList();
        publish(Kind.PROMOTED, table, actor, promoted, promoted, now);
        return promoted;
    }

    /**
     * On erasure: the person's registrations of tables still to come are given back, one table at a
     * time in the order of their ids; those of tables that started or were cancelled stay.
     */
    @Transactional
    void giveBackUpcomingOf(UUID accountId) {
        Instant now = clock.instant();
        List<UUID> ids = registrations.allOf(accountId).stream().map(Registration::dialoogtafelId).sorted().toList();
        for (UUID id : ids) {
            Dialoogtafel table = tables.findByIdForUpdate(id).orElseThrow();
            Optional<Registration> registration = registrations.findByDialoogtafelIdAndAccountId(id, accountId);
            if (registration.isPresent() && table.phase(now) == DialoogtafelPhase.UPCOMING) {
                leave(table, registration.get(), accountId, now);
            }
        }
    }

    void publish(Kind kind, Dialoogtafel table, @Nullable UUID actor, List<UUID> recipients, List<UUID> confirmed,
                 Instant now) {
        events.publishEvent(new DialoogtafelEvent(kind, table.id(), table.title(), actor, table.startsAt(), table.where(),
                recipients, confirmed, now));
    }
}
