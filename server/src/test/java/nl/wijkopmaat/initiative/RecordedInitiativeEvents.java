package nl.wijkopmaat.initiative;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Listens to initiative events the way the notification feature will. */
@Singleton
@Requires(env = Environment.TEST)
class RecordedInitiativeEvents {

    private final List<InitiativeEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(InitiativeEvent event) {
        events.add(event);
    }

    List<InitiativeEvent> of(UUID initiativeId) {
        return events.stream().filter(event -> event.initiativeId().equals(initiativeId)).toList();
    }
}
