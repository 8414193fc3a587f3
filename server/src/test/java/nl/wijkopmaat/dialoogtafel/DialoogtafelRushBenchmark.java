package nl.wijkopmaat.dialoogtafel;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 residents register at once for a dialoogtafel of 500 seats; then 200 of those with a seat
 * cancel while 200 others register, all at once. Every request goes through the HTTP API (without
 * the contract check of the tests), from 200 client threads. Reports for both rushes the time until
 * every request has its answer and the 99th percentile, and checks in the database that 500 seats
 * are taken, that the waiting list is numbered 1..n without gaps or duplicates, and that each person
 * promoted from it got exactly one promotion, pushed once to their device. Run with {@code -Pbenchmark}.
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.load.max-wait", value = "120s")
@Property(name = "wijkopmaat.load.max-queued", value = "10000")
class DialoogtafelRushBenchmark {

    private static final int SEATS = 500;
    private static final int FIRST_RUSH = 1_000;
    private static final int CANCELLATIONS = 200;
    private static final int LATE = 200;
    private static final int CLIENTS = 200;

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username:root}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    /** How a rush went: when everything had its answer, the latencies, and the answers. */
    private record Rush(double settledSeconds, double p50, double p99, List<ApiResponse> responses) {

        String describe(String what) {
            Map<Integer, Long> statuses = new TreeMap<>();
            responses.forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
            return String.format(Locale.ROOT, "%s: settled in %.1f s (%.0f requests/s), p50 %.0f ms, p99 %.0f ms, statuses %s",
                    what, settledSeconds, responses.size() / settledSeconds, p50, p99, statuses);
        }
    }

    @Test
    void aThousandForFiveHundredSeatsThenCancellationsRacingRegistrations() throws Exception {
        DialoogtafelWorld world = new DialoogtafelWorld(api, fixtures);
        String table = world.table(Duration.ofDays(7), SEATS);
        List<Person> residents = residents(world, FIRST_RUSH + LATE);
        List<Person> first = residents.subList(0, FIRST_RUSH);
        List<Person> late = residents.subList(FIRST_RUSH, FIRST_RUSH + LATE);

        Rush registering = rush(first.stream().<Callable<ApiResponse>>map(person -> () -> register(table, person)).toList());
        List<Person> seated = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            if (registering.responses().get(i).text("/status").equals("CONFIRMED")) {
                seated.add(first.get(i));
            }
        }
        assertThat(seated).hasSize(SEATS);
        assertInvariants(table, FIRST_RUSH - SEATS);

        List<Person> leaving = new ArrayList<>(seated);
        Collections.shuffle(leaving, new Random(12));
        List<Callable<ApiResponse>> calls = new ArrayList<>();
        leaving.subList(0, CANCELLATIONS).forEach(person -> calls.add(() -> api.delete("/api/v1/dialoogtafels/" + table
                + "/registrations/me").token(person.accessToken()).outsideContract().send()));
        late.forEach(person -> calls.add(() -> register(table, person)));
        Collections.shuffle(calls, new Random(13));
        Rush racing = rush(calls);

        String summary = "DIALOOGTAFEL BENCHMARK: " + registering.describe(FIRST_RUSH + " registrations for " + SEATS + " seats")
                + "; " + racing.describe(CANCELLATIONS + " cancellations racing " + LATE + " registrations");
        System.out.println(summary);
        Path report = Path.of("target", "dialoogtafel-benchmark.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary + System.lineSeparator());

        assertThat(registering.responses()).extracting(ApiResponse::status).containsOnly(201);
        assertThat(racing.responses()).extracting(ApiResponse::status).containsOnly(201, 204);
        assertInvariants(table, FIRST_RUSH - SEATS - CANCELLATIONS + LATE);
        assertOnePromotionPushEach(table, CANCELLATIONS);
    }

    private ApiResponse register(String table, Person person) {
        return api.post("/api/v1/dialoogtafels/" + table + "/registrations").token(person.accessToken())
                .outsideContract().send();
    }

    private Rush rush(List<Callable<ApiResponse>> calls) throws Exception {
        long[] latencies = new long[calls.size()];
        List<ApiResponse> responses = new ArrayList<>(Collections.nCopies(calls.size(), null));
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            int index = i;
            Callable<ApiResponse> call = calls.get(i);
            futures.add(pool.submit(() -> {
                go.await();
                long begin = System.nanoTime();
                ApiResponse response = call.call();
                latencies[index] = System.nanoTime() - begin;
                responses.set(index, response);
                return null;
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        double settled = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Rush(settled, sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                responses);
    }

    /** The residents, registered, signed in and each with a device, a few at a time. */
    private List<Person> residents(DialoogtafelWorld world, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Person>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    Person person = fixtures.resident(world.municipality.id());
                    world.registerDevice(person);
                    return person;
                }));
            }
            List<Person> people = new ArrayList<>();
            for (Future<Person> future : futures) {
                people.add(future.get());
            }
            return people;
        } finally {
            pool.shutdown();
        }
    }

    /** 500 seats taken and counted, and the waiting list numbered 1..n, once each. */
    private void assertInvariants(String table, int waitlisted) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, username, password)) {
            try (PreparedStatement statement = db.prepareStatement("""
                    SELECT t.confirmed, t.waitlisted, COUNT(CASE WHEN r.status = 'CONFIRMED' THEN 1 END)
                    FROM dialoogtafel t LEFT JOIN dialoogtafel_registration r ON r.dialoogtafel_id = t.id
                    WHERE t.id = ? GROUP BY t.confirmed, t.waitlisted""")) {
                statement.setString(1, table);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    assertThat(row.getInt(1)).as("seat count").isEqualTo(SEATS);
                    assertThat(row.getInt(2)).as("waiting list count").isEqualTo(waitlisted);
                    assertThat(row.getInt(3)).as("confirmed registrations").isEqualTo(SEATS);
                }
            }
            try (PreparedStatement statement = db.prepareStatement("""
                    SELECT r.queue_number - t.queue_served FROM dialoogtafel_registration r
                    JOIN dialoogtafel t ON t.id = r.dialoogtafel_id
                    WHERE r.dialoogtafel_id = ? AND r.status = 'WAITLISTED' ORDER BY r.queue_number""")) {
                statement.setString(1, table);
                List<Integer> positions = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        positions.add(row.getInt(1));
                    }
                }
                assertThat(positions).as("the waiting list, without gaps or duplicates")
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, waitlisted).boxed().toList());
            }
        }
    }

    /** Each promoted person has one promotion in their inbox and one push job for their one device. */
    private void assertOnePromotionPushEach(String table, int promoted) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, username, password);
             PreparedStatement statement = db.prepareStatement("""
                     SELECT n.account_id, COUNT(DISTINCT n.id), COUNT(j.id) FROM notification n
                     LEFT JOIN push_job j ON j.notification_id = n.id
                     WHERE n.resource_id = ? AND n.kind = 'DIALOOGTAFEL_PROMOTED' GROUP BY n.account_id""")) {
            statement.setString(1, table);
            int people = 0;
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    people++;
                    assertThat(row.getInt(2)).as("promotions of one person").isEqualTo(1);
                    assertThat(row.getInt(3)).as("promotion pushes of one person").isEqualTo(1);
                }
            }
            assertThat(people).as("people promoted").isEqualTo(promoted);
        }
    }
}
