package nl.wijkopmaat.notification;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Without Firebase credentials push is off, and the inbox works as before. */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.push.test-transport", value = "false")
class PushOffTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    PushGateway gateway;
    @Inject
    NotificationService notifications;
    @Inject
    PushJobRepository jobs;
    @Inject
    TransactionOperations<?> transactions;

    @Test
    void theInboxFillsAndNoPushIsQueued() {
        assertThat(gateway.enabled()).isFalse();
        MunicipalityView municipality = fixtures.municipality();
        Person person = fixtures.resident(municipality.id());
        api.post("/api/v1/devices").token(person.accessToken())
                .json(Map.of("token", "fcm-" + UUID.randomUUID(), "platform", "WEB")).send();
        long jobsBefore = jobs.count();

        transactions.executeWrite(status -> {
            notifications.notify(List.of(new Notice(person.id(), NotificationCategory.REMINDERS, "INITIATIVE_STARTED",
                    "INITIATIVE", UUID.randomUUID(), Map.of("title", "Morgen"))));
            return null;
        });

        assertThat(api.get("/api/v1/notifications").token(person.accessToken()).send().json().get("items")).hasSize(1);
        assertThat(jobs.count()).isEqualTo(jobsBefore);
    }
}
