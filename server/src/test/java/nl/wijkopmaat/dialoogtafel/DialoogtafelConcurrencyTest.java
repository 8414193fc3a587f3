package nl.wijkopmaat.dialoogtafel;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.notification.Outbox;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.FakeFcm;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registrations and cancellations that race, through real parallel HTTP calls: a table never holds
 * more than its capacity, its waiting list stays numbered 1..n in arrival order, and a freed seat
 * goes to exactly one person of the list, once. A request waits for a place as long as it needs here
 * (the invariants are tested, not the admission limit).
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.load.max-wait", value = "60s")
class DialoogtafelConcurrencyTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    Outbox outbox;
    @Inject
    FakeFcm fcm;
    @Inject
    TestClock clock;

    DialoogtafelWorld world;

    @BeforeEach
    void world() {
        world = new DialoogtafelWorld(api, fixtures);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fortyRegistrationsForTwentyFiveSeats() throws Exception {
        String table = world.table(Duration.ofDays(2), 25);
        List<Person> people = residents(40);

        List<ApiResponse> responses = all(people.stream()
                .<Callable<ApiResponse>>map(person -> () -> world.register(person, table)).toList());

        assertThat(responses).extracting(ApiResponse::status).containsOnly(201);
        assertThat(responses.stream().filter(r -> r.text("/status").equals("CONFIRMED"))).hasSize(25);
        assertThat(responses.stream().filter(r -> r.text("/status").equals("WAITLISTED"))
                .map(r -> r.json().get("waitlistPosition").asInt())).containsExactlyInAnyOrderElementsOf(range(1, 15));
        assertInvariants(table, 25, 15);
    }

    @Test
    void cancellationsThatRacePromoteEachWaitingPersonOnceAndLeaveNoSeatFree() throws Exception {
        clock.setToMiddayInAmsterdam();
        String table = world.table(Duration.ofDays(2), 10);
        List<Person> seated = residents(10);
        List<Person> waiting = residents(8);
        for (Person person : seated) {
            assertThat(world.register(person, table).text("/status")).isEqualTo("CONFIRMED");
        }
        Map<String, Person> phones = new HashMap<>();
        for (Person person : waiting) {
            assertThat(world.register(person, table).text("/status")).isEqualTo("WAITLISTED");
            phones.put(world.registerDevice(person), person);
        }
        outbox.drain();

        List<Person> leaving = seated.subList(0, 6);
        List<Person> late = residents(4);
        List<Callable<ApiResponse>> calls = new ArrayList<>();
        leaving.forEach(person -> calls.add(() -> world.unregister(person, table)));
        late.forEach(person -> calls.add(() -> world.register(person, table)));
        List<ApiResponse> responses = all(calls);

        assertThat(responses.subList(0, 6)).extracting(ApiResponse::status).containsOnly(204);
        assertThat(responses.subList(6, 10)).extracting(ApiResponse::status).containsOnly(201);
        assertInvariants(table, 10, 6);
        outbox.drain();
        outbox.drain();
        List<String> promoted = new ArrayList<>();
        phones.forEach((phone, person) -> {
            int pushes = fcm.sentTo(phone).size();
            assertThat(pushes).as("pushes to one waiting person").isLessThanOrEqualTo(1);
            if (pushes == 1) {
                promoted.add(person.id().toString());
            }
        });
        JsonNode registrations = world.registrations(table).json().get("items");
        List<String> confirmedNow = new ArrayList<>();
        registrations.forEach(r -> {
            if (r.get("status").asText().equals("CONFIRMED")) {
                confirmedNow.add(r.at("/participant/id").asText());
            }
        });
        List<String> firstSix = waiting.subList(0, 6).stream().map(person -> person.id().toString()).toList();
        assertThat(promoted).as("the first six of the waiting list, each pushed once").containsExactlyInAnyOrderElementsOf(firstSix);
        assertThat(confirmedNow).containsAll(firstSix);
    }

    /** Seats never above capacity, no free seat beside a waiting list, and the list numbered 1..n once each. */
    private void assertInvariants(String table, int confirmed, int waitlisted) {
        JsonNode items = world.registrations(table).json().get("items");
        List<Integer> positions = new ArrayList<>();
        int seats = 0;
        for (JsonNode item : items) {
            if (item.get("status").asText().equals("CONFIRMED")) {
                seats++;
                assertThat(item.get("waitlistPosition").isNull()).isTrue();
            } else {
                positions.add(item.get("waitlistPosition").asInt());
            }
        }
        assertThat(seats).isEqualTo(confirmed);
        assertThat(positions).as("waiting list in arrival order, without gaps or duplicates").containsExactlyElementsOf(range(1, waitlisted));
        JsonNode detail = world.table(table).json();
        assertThat(detail.get("seatsLeft").asInt()).isZero();
        assertThat(detail.get("waitlistLength").asInt()).isEqualTo(waitlisted);
    }

    private List<Person> residents(int count) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(world.resident());
        }
        return people;
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static List<ApiResponse> all(List<Callable<ApiResponse>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (Callable<ApiResponse> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
