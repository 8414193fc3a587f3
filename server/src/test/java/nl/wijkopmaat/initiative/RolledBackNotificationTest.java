package nl.wijkopmaat.initiative;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.wijkopmaat.initiative.InitiativeCommands.ReviewRequest;
import nl.wijkopmaat.notification.Outbox;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.FakeFcm;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A review whose transaction rolls back after the review was made leaves no inbox item and queues no
 * push: notifications are written in the transaction of the change that caused them. The clock reads
 * midday, so the committed review's push is due at once whatever the time of the run (at night it
 * would wait for the quiet hours to end).
 */
@MicronautTest(transactional = false)
class RolledBackNotificationTest {

    private static final Instant MIDDAY = ZonedDateTime.parse("2026-12-01T12:00:00+01:00[Europe/Amsterdam]").toInstant();

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    InitiativeService service;
    @Inject
    FakeFcm fcm;
    @Inject
    TransactionOperations<?> transactions;
    @Inject
    Outbox outbox;
    @Inject
    TestClock clock;

    @BeforeEach
    void midday() {
        clock.setTo(MIDDAY);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRolledBackReviewNotifiesNobody() {
        InitiativeWorld world = new InitiativeWorld(api, fixtures);
        String id = world.inStatus("IN_REVIEW", service);
        api.post("/api/v1/devices").token(world.author.accessToken())
                .json(Map.of("token", "fcm-" + UUID.randomUUID(), "platform", "ANDROID")).send();
        int inboxBefore = api.get("/api/v1/notifications").token(world.author.accessToken()).send().json().get("items").size();
        outbox.drain();
        fcm.clear();

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            service.review(UUID.fromString(id), world.official.id(), new ReviewRequest(ReviewDecision.APPROVE, null));
            throw new IllegalStateException("a later step of the same transaction fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(world.get(world.author, id).text("/status")).isEqualTo("IN_REVIEW");
        assertThat(api.get("/api/v1/notifications").token(world.author.accessToken()).send().json().get("items"))
                .hasSize(inboxBefore);
        outbox.drain();
        assertThat(fcm.sent()).as("no push was queued").isEmpty();

        assertThat(world.review(world.official, id, "APPROVE", null).status()).as("the same review, committed").isEqualTo(201);
        assertThat(api.get("/api/v1/notifications").token(world.author.accessToken()).send().json().get("items"))
                .hasSize(inboxBefore + 1);
        outbox.drain();
        assertThat(fcm.sent()).hasSize(1);
    }
}
