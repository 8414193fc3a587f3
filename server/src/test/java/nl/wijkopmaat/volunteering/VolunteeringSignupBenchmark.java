package nl.wijkopmaat.volunteering;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 2,000 residents sign up at once across 50 shifts of 20 seats, each trying three shifts that all
 * overlap one another (shifts of three hours, an hour apart), all 6,000 requests released together
 * through the HTTP API (without the contract check of the tests). Reports the time until every
 * request has its answer and the 99th percentile, and checks in the database that no shift is over
 * capacity, that seat counts and sign-ups agree, and that nobody holds two overlapping shifts. Run
 * with {@code -Pbenchmark}.
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.load.max-wait", value = "120s")
@Property(name = "wijkopmaat.load.max-queued", value = "10000")
class VolunteeringSignupBenchmark {

    private static final int RESIDENTS = 2_000;
    private static final int SHIFTS = 50;
    private static final int SEATS = 20;
    private static final int TRIES = 3;
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

    private record Attempt(Person person, String shift) {
    }

    @Test
    void twoThousandResidentsThreeOverlappingShiftsEach() throws Exception {
        VolunteeringWorld world = new VolunteeringWorld(api, fixtures);
        String opportunity = world.opportunity();
        Instant base = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
        List<String> shifts = new ArrayList<>();
        for (int i = 0; i < SHIFTS; i++) {
            Instant start = base.plus(Duration.ofHours(i));
            shifts.add(VolunteeringWorld.created(world.addShift(world.chair, opportunity, start,
                    start.plus(Duration.ofHours(3)), SEATS)));
        }
        List<Person> residents = residents(world);
        Random random = new Random(13);
        List<Attempt> attempts = new ArrayList<>();
        for (Person resident : residents) {
            int first = random.nextInt(SHIFTS - TRIES + 1);
            for (int k = 0; k < TRIES; k++) {
                attempts.add(new Attempt(resident, shifts.get(first + k)));
            }
        }
        Collections.shuffle(attempts, random);

        Map<String, Long> outcomes = new ConcurrentHashMap<>();
        long[] latencies = new long[attempts.size()];
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            int index = i;
            Attempt attempt = attempts.get(i);
            futures.add(pool.submit(() -> {
                go.await();
                long begin = System.nanoTime();
                ApiResponse response = api.post("/api/v1/shifts/" + attempt.shift() + "/signups")
                        .token(attempt.person().accessToken()).outsideContract().send();
                latencies[index] = System.nanoTime() - begin;
                String outcome = response.status() + (response.status() == 409
                        ? " " + response.text("/type").replace("https://wijkopmaat.nl/problems/problem-conflict-", "") : "");
                outcomes.merge(outcome, 1L, Long::sum);
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
        java.util.Arrays.sort(sorted);
        double p50 = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
        String summary = String.format(Locale.ROOT,
                "VOLUNTEERING BENCHMARK: %d residents, %d shifts of %d seats, %d sign-ups at once from %d clients:"
                        + " settled in %.1f s (%.0f sign-ups/s), p50 %.0f ms, p99 %.0f ms; outcomes %s",
                RESIDENTS, SHIFTS, SEATS, attempts.size(), CLIENTS, settled, attempts.size() / settled, p50, p99,
                new TreeMap<>(outcomes));
        System.out.println(summary);
        Path report = Path.of("target", "volunteering-benchmark.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary + System.lineSeparator());

        assertThat(outcomes.keySet()).allMatch(o -> o.equals("201") || o.endsWith("shift-full") || o.endsWith("shift-overlap"));
        assertInvariants(opportunity);
    }

    /** The residents, registered and signed in a few at a time. */
    private List<Person> residents(VolunteeringWorld world) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Person>> futures = new ArrayList<>();
            for (int i = 0; i < RESIDENTS; i++) {
                futures.add(pool.submit(() -> fixtures.resident(world.municipality.id())));
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

    private void assertInvariants(String opportunity) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, username, password)) {
            try (PreparedStatement statement = db.prepareStatement("""
                    SELECT sh.id, sh.capacity, sh.signed_up, COUNT(s.id) AS held FROM volunteer_shift sh
                    LEFT JOIN volunteer_signup s ON s.shift_id = sh.id WHERE sh.opportunity_id = ?
                    GROUP BY sh.id, sh.capacity, sh.signed_up""")) {
                statement.setString(1, opportunity);
                try (ResultSet row = statement.executeQuery()) {
                    int shifts = 0;
                    while (row.next()) {
                        shifts++;
                        assertThat(row.getInt("held")).as("seats held on a shift").isLessThanOrEqualTo(row.getInt("capacity"));
                        assertThat(row.getInt("signed_up")).as("seat count").isEqualTo(row.getInt("held"));
                    }
                    assertThat(shifts).isEqualTo(SHIFTS);
                }
            }
            try (PreparedStatement statement = db.prepareStatement("""
                    SELECT COUNT(*) FROM volunteer_signup a JOIN volunteer_signup b
                      ON a.account_id = b.account_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
                    JOIN volunteer_shift sh ON sh.id = a.shift_id WHERE sh.opportunity_id = ?""")) {
                statement.setString(1, opportunity);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    assertThat(row.getLong(1)).as("people holding two overlapping shifts").isZero();
                }
            }
        }
    }
}
