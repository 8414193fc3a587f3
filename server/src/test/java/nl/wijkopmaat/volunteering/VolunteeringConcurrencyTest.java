package nl.wijkopmaat.volunteering;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static nl.wijkopmaat.volunteering.VolunteeringWorld.created;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ups that race, through real parallel HTTP calls: a shift never holds more than its capacity,
 * and one person never ends up with two overlapping shifts, also when both sign-ups come in at
 * once. A request waits for a place as long as it needs here (the invariants are tested, not the
 * admission limit).
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.load.max-wait", value = "60s")
class VolunteeringConcurrencyTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    VolunteeringWorld world;

    @BeforeEach
    void world() {
        world = new VolunteeringWorld(api, fixtures);
    }

    @Test
    void thirtySignUpsForTwelveSeats() throws Exception {
        String shift = world.shift(world.opportunity(), Duration.ofDays(2), 12);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            people.add(world.resident());
        }

        List<ApiResponse> responses = all(people.stream()
                .<Callable<ApiResponse>>map(person -> () -> world.signUp(person, shift)).toList());

        assertThat(count(responses, 201)).isEqualTo(12);
        assertThat(count(responses, 409)).isEqualTo(18);
        responses.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.text("/type")).endsWith("problem-conflict-shift-full"));
        assertThat(world.shiftOf(shift).json().get("seatsLeft").asInt()).isZero();
        assertThat(api.get("/api/v1/shifts/" + shift + "/signups").token(world.chair.accessToken()).query("limit", 100)
                .send().json().get("items")).hasSize(12);
    }

    @Test
    void twoShiftsThatOverlapByAMinuteRacedByOnePersonGiveOneOfThem() throws Exception {
        String opportunity = world.opportunity();
        Person volunteer = world.resident();
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        for (int round = 0; round < 10; round++) {
            Instant from = start.plus(Duration.ofHours(6L * round));
            String first = created(world.addShift(world.chair, opportunity, from, from.plus(Duration.ofHours(2)), 5));
            String second = created(world.addShift(world.chair, opportunity, from.plus(Duration.ofMinutes(119)),
                    from.plus(Duration.ofHours(4)), 5));

            List<ApiResponse> responses = all(List.of(() -> world.signUp(volunteer, first),
                    () -> world.signUp(volunteer, second)));

            assertThat(responses).extracting(ApiResponse::status).as("round " + round).containsExactlyInAnyOrder(201, 409);
            ApiResponse refused = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            String held = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().text("/shiftId");
            assertThat(refused.text("/overlappingShiftId")).isEqualTo(held);
        }
    }

    @Test
    void backToBackShiftsRacedByOnePersonAreBothTheirs() throws Exception {
        String opportunity = world.opportunity();
        Person volunteer = world.resident();
        Instant start = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        for (int round = 0; round < 5; round++) {
            Instant from = start.plus(Duration.ofHours(6L * round));
            String first = created(world.addShift(world.chair, opportunity, from, from.plus(Duration.ofHours(2)), 5));
            String second = created(world.addShift(world.chair, opportunity, from.plus(Duration.ofHours(2)),
                    from.plus(Duration.ofHours(4)), 5));

            List<ApiResponse> responses = all(List.of(() -> world.signUp(volunteer, first),
                    () -> world.signUp(volunteer, second)));

            assertThat(responses).extracting(ApiResponse::status).as("round " + round).containsExactly(201, 201);
        }
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

    private static long count(List<ApiResponse> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }
}
