package nl.wijkopmaat.budget;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static nl.wijkopmaat.budget.BudgetWorld.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight clients grant, pay out and release at random on twenty wijkbudgets for a minute, through
 * the HTTP API (without the contract check of the tests, which would cost more than the request).
 * Budgets are small, so many requests meet an empty budget or a spent grant and get their 409: those
 * take the same lock and count as operations. Reports operations per second and the 99th
 * percentile, and checks in the database that nothing was overspent and that ledger and totals
 * agree. Run with {@code -Pbenchmark}.
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.load.max-wait", value = "60s")
class BudgetLedgerBenchmark {

    private static final int THREADS = 8;
    private static final int BUDGETS = 20;
    private static final long SECONDS = 60;
    private static final long ALLOCATION_CENTS = 5_000_000;

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

    private record Target(String yearPath, Person chair, String initiative, List<String> grants) {
    }

    @Test
    void grantsPayoutsAndReleasesAtRandom() throws Exception {
        MunicipalityView municipality = fixtures.municipality();
        Person admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        Person official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        Person author = fixtures.resident(municipality.id());
        List<Target> targets = new ArrayList<>();
        List<String> platforms = new ArrayList<>();
        for (int i = 0; i < BUDGETS; i++) {
            WijkDetail wijk = fixtures.wijk(municipality.id());
            Person chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
            String yearPath = "/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/budgets/" + YEAR;
            expect(api.put(yearPath).token(admin.accessToken()).json(Map.of("amountCents", ALLOCATION_CENTS)).send(), 200);
            targets.add(new Target(yearPath, chair, approved(wijk, author, official), new CopyOnWriteArrayList<>()));
            platforms.add(wijk.wijkplatform().id().toString());
        }

        Map<String, Long> outcomes = new ConcurrentHashMap<>();
        List<List<Long>> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> clients = new ArrayList<>();
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        for (int t = 0; t < THREADS; t++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            clients.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    Target target = targets.get(random.nextInt(BUDGETS));
                    int choice = random.nextInt(10);
                    String grant = target.grants().isEmpty() ? null
                            : target.grants().get(random.nextInt(target.grants().size()));
                    String operation = choice < 4 || grant == null ? "grant" : choice < 7 ? "payout" : "release";
                    long begin = System.nanoTime();
                    ApiResponse response = switch (operation) {
                        case "grant" -> call(target.yearPath() + "/grants", target.chair(),
                                Map.of("initiativeId", target.initiative(), "amountCents", random.nextLong(1_000, 40_000)));
                        case "payout" -> call("/api/v1/grants/" + grant + "/payouts", target.chair(),
                                Map.of("amountCents", random.nextLong(500, 15_000), "paidOn", LocalDate.now().toString(),
                                        "reference", "Factuur"));
                        default -> call("/api/v1/grants/" + grant + "/releases", target.chair(),
                                Map.of("amountCents", random.nextLong(500, 15_000), "reason", "Over"));
                    };
                    mine.add(System.nanoTime() - begin);
                    // A 409 says why: the money, or a race lost to a lock (which must not happen).
                    String outcome = operation + " " + response.status() + (response.status() == 409
                            ? " " + response.text("/type").replace("https://wijkopmaat.nl/problems/problem-conflict-", "") : "");
                    outcomes.merge(outcome, 1L, Long::sum);
                    if (operation.equals("grant") && response.status() == 201) {
                        target.grants().add(response.text("/id"));
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
        pool.shutdown();

        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        long operations = all.size();
        double p50 = all.get((int) (operations * 0.50)) / 1e6;
        double p99 = all.get((int) Math.min(operations - 1, Math.ceil(operations * 0.99) - 1)) / 1e6;
        String summary = String.format(Locale.ROOT,
                "BUDGET BENCHMARK: %d threads on %d budgets for %.0f s: %d operations = %.0f operations/s, p50 %.1f ms,"
                        + " p99 %.1f ms; %.1f ms CPU of this JVM (server and clients) per operation; outcomes %s",
                THREADS, BUDGETS, elapsed, operations, operations / elapsed, p50, p99, cpuSeconds * 1000 / operations,
                new TreeMap<>(outcomes));
        System.out.println(summary);
        Path report = Path.of("target", "budget-benchmark.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary + System.lineSeparator());

        assertThat(outcomes.keySet()).allMatch(outcome -> outcome.endsWith(" 201") || outcome.endsWith("grant-overspend")
                || outcome.endsWith("budget-overspend"));
        assertInvariants(platforms);
    }

    /** Nothing overspent, per budget and per grant, and the ledger adds up to the totals of its year. */
    private void assertInvariants(List<String> platforms) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, username, password)) {
            for (String platform : platforms) {
                try (PreparedStatement statement = db.prepareStatement("""
                        SELECT b.*,
                          (SELECT COALESCE(SUM(amount_cents), 0) FROM budget_grant WHERE budget_id = b.id AND status = 'COMMITTED') AS granted,
                          (SELECT COUNT(*) FROM budget_grant WHERE budget_id = b.id AND paid_cents + released_cents > amount_cents) AS overspent,
                          (SELECT COALESCE(SUM(CASE entry_type WHEN 'GRANT_COMMITTED' THEN amount_cents ELSE 0 END), 0)
                             FROM budget_entry WHERE budget_id = b.id) AS ledger_committed,
                          (SELECT COALESCE(SUM(CASE entry_type WHEN 'PAYOUT' THEN amount_cents ELSE 0 END), 0)
                             FROM budget_entry WHERE budget_id = b.id) AS ledger_paid,
                          (SELECT COALESCE(SUM(CASE entry_type WHEN 'RELEASE' THEN amount_cents ELSE 0 END), 0)
                             FROM budget_entry WHERE budget_id = b.id) AS ledger_released,
                          (SELECT available_cents FROM budget_entry WHERE budget_id = b.id ORDER BY seq DESC LIMIT 1) AS last_balance
                        FROM budget b WHERE b.wijkplatform_id = ? AND b.budget_year = ?""")) {
                    statement.setString(1, platform);
                    statement.setInt(2, YEAR);
                    try (ResultSet row = statement.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        long available = row.getLong("available_cents");
                        assertThat(available).as("available").isGreaterThanOrEqualTo(0);
                        assertThat(row.getLong("granted") - row.getLong("released_cents"))
                                .as("granted minus released within allocated").isLessThanOrEqualTo(row.getLong("allocated_cents"));
                        assertThat(row.getLong("overspent")).as("grants paid and released beyond their amount").isZero();
                        assertThat(row.getLong("ledger_committed")).isEqualTo(row.getLong("committed_cents"));
                        assertThat(row.getLong("ledger_paid")).isEqualTo(row.getLong("paid_cents"));
                        assertThat(row.getLong("ledger_released")).isEqualTo(row.getLong("released_cents"));
                        assertThat(row.getLong("last_balance")).as("running balance").isEqualTo(available);
                        assertThat(available).isEqualTo(row.getLong("allocated_cents") - row.getLong("committed_cents")
                                + row.getLong("released_cents"));
                    }
                }
            }
        }
    }

    /**
     * CPU time of this JVM: on a machine shared with other work, what an operation costs here
     * independently of how long it waited for a core.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private ApiResponse call(String path, Person chair, Map<String, Object> body) {
        return api.post(path).token(chair.accessToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .json(body).outsideContract().send();
    }

    private String approved(WijkDetail wijk, Person author, Person official) {
        ApiResponse created = api.post("/api/v1/initiatives").token(author.accessToken()).json(Map.of(
                "title", "Buurtfeest " + UUID.randomUUID().toString().substring(0, 6),
                "description", "Een feest voor de hele buurt.", "theme", "CULTUUR", "wijkId", wijk.id().toString(),
                "requestedBudgetCents", 100_000)).send();
        String id = created.text("/id");
        expect(api.post("/api/v1/initiatives/" + id + "/status-changes").token(author.accessToken())
                .json(Map.of("action", "SUBMIT")).send(), 201);
        expect(api.put("/api/v1/initiatives/" + id + "/owner").token(official.accessToken())
                .json(Map.of("ownerId", official.id().toString())).send(), 200);
        expect(api.post("/api/v1/initiatives/" + id + "/reviews").token(official.accessToken())
                .json(Map.of("decision", "APPROVE")).send(), 201);
        return id;
    }

    private static void expect(ApiResponse response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
