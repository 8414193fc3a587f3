package nl.wijkopmaat.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server under load, with 100,000 initiatives, about 1,000,000 supports and 50,000
 * residents ({@link LoadData}) in a database of its own ({@code LOAD_DATABASE_URL}, by default
 * {@code wijkopmaat_load} on the local server):
 * <ol>
 *   <li>rows the database reads for page 1 and page 51 of a wijk's initiatives (handler counters);</li>
 *   <li>throughput of those pages, newest and most supported first, anonymous and signed in, next to
 *       {@code GET /municipalities}, with a closed loop of clients;</li>
 *   <li>p99 of the same at a constant 200 requests a second;</li>
 *   <li>twice the measured capacity for 30 s: no 5xx but 503 with Retry-After, threads and heap flat;</li>
 *   <li>100 sign-ins at once: no 409, no 5xx other than 503, and the connection pool keeps room.</li>
 * </ol>
 * Run with {@code ./mvnw -B package -DskipTests && ./mvnw -B -pl server test -Pbenchmark -Dtest=ServerLoadBenchmark}.
 * The report goes to standard output and {@code server/target/load-benchmark.txt}.
 */
class ServerLoadBenchmark {

    private static final int LIMIT = 20;
    private static final int RATE = 200;
    private static final Duration RATE_RUN = Duration.ofSeconds(15);
    private static final Duration LOOP_RUN = Duration.ofSeconds(10);
    private static final int LOOP_CLIENTS = 16;
    private static final int SIGN_INS = 100;
    private static final int POOL_SIZE = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadClient client = new LoadClient();
    private final List<String> report = new ArrayList<>();

    @Test
    void theServerUnderLoad() throws Exception {
        String databaseUrl = env("LOAD_DATABASE_URL", "jdbc:mysql://127.0.0.1:3306/wijkopmaat_load?createDatabaseIfNotExist=true");
        String username = env("LOAD_DATABASE_USERNAME", "root");
        String password = env("LOAD_DATABASE_PASSWORD", "");
        try (LoadServer server = LoadServer.start(databaseUrl, username, password,
                Map.of("DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", String.valueOf(POOL_SIZE)));
             Connection db = connect(databaseUrl, username, password)) {
            List<String> wijken = new LoadData(db).wijken(12);
            String wijk = wijken.get(0);
            String token = signIn(server, 0);
            URI municipalities = server.base.resolve("/api/v1/municipalities?limit=" + LIMIT);

            Map<String, URI> pages = new LinkedHashMap<>();
            Map<String, String> tokens = new LinkedHashMap<>();
            for (String sort : List.of("NEWEST", "SUPPORT")) {
                for (boolean signedIn : List.of(false, true)) {
                    String viewer = signedIn ? token : null;
                    URI first = server.base.resolve("/api/v1/initiatives?wijk=" + wijk + "&sort=" + sort + "&limit=" + LIMIT);
                    String who = signedIn ? "token" : "anonymous";
                    pages.put(sort + " page 1 " + who, first);
                    pages.put(sort + " page 51 " + who, pageAfter(first, viewer, 50));
                    tokens.put(sort + " page 1 " + who, viewer);
                    tokens.put(sort + " page 51 " + who, viewer);
                }
            }

            // Every page once for a few seconds first, so that the server is warm when it is measured.
            for (Map.Entry<String, URI> page : pages.entrySet()) {
                client.closedLoop("warm-up", client.get(page.getValue(), tokens.get(page.getKey())), LOOP_CLIENTS, Duration.ofSeconds(3));
            }
            client.closedLoop("warm-up", client.get(municipalities, null), LOOP_CLIENTS, Duration.ofSeconds(3));

            say("== Rows read by the database per request (handler counters, whole request, average of 10)");
            Map<String, Double> rowsRead = new LinkedHashMap<>();
            for (Map.Entry<String, URI> page : pages.entrySet()) {
                double rows = rowsRead(db, client.get(page.getValue(), tokens.get(page.getKey())));
                rowsRead.put(page.getKey(), rows);
                say(String.format(Locale.ROOT, "%-42s %6.1f rows", page.getKey(), rows));
            }

            say("== Throughput, " + LOOP_CLIENTS + " clients in a closed loop for " + LOOP_RUN.toSeconds() + " s");
            LoadClient.Outcome baselineLoop = client.closedLoop("GET /municipalities", client.get(municipalities, null),
                    LOOP_CLIENTS, LOOP_RUN);
            say(baselineLoop.line());
            Map<String, LoadClient.Outcome> loops = new LinkedHashMap<>();
            for (Map.Entry<String, URI> page : pages.entrySet()) {
                LoadClient.Outcome loop = client.closedLoop(page.getKey(), client.get(page.getValue(), tokens.get(page.getKey())),
                        LOOP_CLIENTS, LOOP_RUN);
                loops.put(page.getKey(), loop);
                say(loop.line() + String.format(Locale.ROOT, "  = %.2f of the baseline", loop.perSecond() / baselineLoop.perSecond()));
            }

            say("== Constant " + RATE + " requests/s for " + RATE_RUN.toSeconds() + " s (latency from the moment each was due)");
            LoadClient.Outcome baselineRate = client.constantRate("GET /municipalities", client.get(municipalities, null), RATE, RATE_RUN);
            say(baselineRate.line());
            Map<String, LoadClient.Outcome> rates = new LinkedHashMap<>();
            for (Map.Entry<String, URI> page : pages.entrySet()) {
                LoadClient.Outcome rate = client.constantRate(page.getKey(), client.get(page.getValue(), tokens.get(page.getKey())),
                        RATE, RATE_RUN);
                rates.put(page.getKey(), rate);
                say(rate.line() + String.format(Locale.ROOT, "  p99 = %.2f x the baseline's",
                        rate.percentileMillis(99) / baselineRate.percentileMillis(99)));
            }

            String hardest = "SUPPORT page 51 token";
            int overloadRate = (int) Math.max(RATE, 2 * loops.get(hardest).perSecond());
            say("== Overload: " + overloadRate + " requests/s (twice the capacity of '" + hardest + "') for 30 s");
            MetricsSampler overloadMetrics = new MetricsSampler(server.metricsBase());
            overloadMetrics.start();
            LoadClient.Outcome overload = client.constantRate("overload " + hardest,
                    client.get(pages.get(hardest), tokens.get(hardest)), overloadRate, Duration.ofSeconds(30));
            overloadMetrics.stop();
            say(overload.line());
            say("503 without Retry-After: " + overload.unavailableWithoutRetryAfter() + "; other 5xx: "
                    + overload.serverErrorsOtherThan503() + "; no answer: " + overload.failed());
            say(overloadMetrics.summary());

            say("== " + SIGN_INS + " sign-ins at once");
            MetricsSampler signInMetrics = new MetricsSampler(server.metricsBase());
            signInMetrics.start();
            SignIns signIns = signInsAtOnce(server);
            signInMetrics.stop();
            say(signIns.line());
            say(signInMetrics.summary());

            Path file = Path.of("target", "load-benchmark.txt");
            Files.write(file, report);

            for (String sort : List.of("NEWEST", "SUPPORT")) {
                for (String who : List.of("anonymous", "token")) {
                    assertThat(rowsRead.get(sort + " page 51 " + who)).as("rows read on page 51, " + sort + " " + who)
                            .isLessThanOrEqualTo(rowsRead.get(sort + " page 1 " + who) + 1);
                }
            }
            assertThat(overload.serverErrorsOtherThan503()).as("5xx other than 503 under overload").isZero();
            assertThat(overload.unavailableWithoutRetryAfter()).as("503 without Retry-After").isZero();
            assertThat(signIns.statuses().getOrDefault(409, 0)).as("409 on sign-in").isZero();
            assertThat(signIns.statuses().entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                    .mapToInt(Map.Entry::getValue).sum()).as("5xx other than 503 on sign-in").isZero();
            assertThat(signIns.finalStatuses()).as("every sign-in succeeds once it follows Retry-After")
                    .containsOnlyKeys(200);
        }
    }

    /** Follows nextCursor {@code pages} times from {@code first}; the address of the page after them. */
    private URI pageAfter(URI first, String token, int pages) throws Exception {
        URI page = first;
        for (int i = 0; i < pages; i++) {
            HttpResponse<String> response = client.send(client.get(page, token));
            assertThat(response.statusCode()).isEqualTo(200);
            String cursor = JSON.readTree(response.body()).path("nextCursor").asText(null);
            assertThat(cursor).as("a next page after page " + (i + 1)).isNotNull();
            page = URI.create(first + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return page;
    }

    private double rowsRead(Connection db, HttpRequest request) throws Exception {
        client.send(request);
        long before = handlerReads(db);
        for (int i = 0; i < 10; i++) {
            client.send(request);
        }
        return (handlerReads(db) - before) / 10.0;
    }

    /** Rows read by the whole server (no other load runs meanwhile). */
    private static long handlerReads(Connection db) throws SQLException {
        long read = 0;
        try (Statement statement = db.createStatement();
             ResultSet status = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Handler_read%'")) {
            while (status.next()) {
                if (List.of("Handler_read_first", "Handler_read_last", "Handler_read_key", "Handler_read_next",
                        "Handler_read_prev", "Handler_read_rnd_next").contains(status.getString(1))) {
                    read += status.getLong(2);
                }
            }
        }
        return read;
    }

    private String signIn(LoadServer server, int resident) throws Exception {
        HttpResponse<String> response = client.send(client.postJson(server.base.resolve("/api/v1/auth/login"),
                credentials(resident)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static String credentials(int resident) {
        return "{\"username\":\"" + LoadData.email(resident) + "\",\"password\":\"" + LoadData.PASSWORD + "\"}";
    }

    /** First answers by status; final ones after following Retry-After, as an app does. */
    record SignIns(Map<Integer, Integer> statuses, Map<Integer, Integer> finalStatuses, double slowestSeconds) {
        String line() {
            return String.format(Locale.ROOT, "first answers %s, after Retry-After %s, slowest first answer %.1f s",
                    statuses, finalStatuses, slowestSeconds);
        }
    }

    private SignIns signInsAtOnce(LoadServer server) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SIGN_INS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> results = new ArrayList<>();
        for (int i = 0; i < SIGN_INS; i++) {
            int resident = 1 + i;
            results.add(pool.submit(() -> {
                start.await();
                HttpRequest request = client.postJson(server.base.resolve("/api/v1/auth/login"), credentials(resident));
                long began = System.nanoTime();
                HttpResponse<String> response = client.send(request);
                int first = response.statusCode();
                int took = (int) ((System.nanoTime() - began) / 1_000_000);
                int last = first;
                for (int attempt = 0; last == 503 && attempt < 10; attempt++) {
                    long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                    Thread.sleep(wait * 1000);
                    response = client.send(request);
                    last = response.statusCode();
                }
                return new int[] {first, last, took};
            }));
        }
        start.countDown();
        Map<Integer, Integer> first = new TreeMap<>();
        Map<Integer, Integer> last = new TreeMap<>();
        int slowest = 0;
        for (Future<int[]> result : results) {
            int[] outcome = result.get();
            first.merge(outcome[0], 1, Integer::sum);
            last.merge(outcome[1], 1, Integer::sum);
            slowest = Math.max(slowest, outcome[2]);
        }
        pool.shutdown();
        return new SignIns(first, last, slowest / 1000.0);
    }

    /** Samples the server's own metrics (Prometheus) every half second while a run goes on. */
    private final class MetricsSampler {
        private final URI prometheus;
        private final AtomicBoolean running = new AtomicBoolean();
        private final List<Map<String, Double>> samples = new ArrayList<>();
        private Thread thread;

        MetricsSampler(URI base) {
            this.prometheus = base.resolve("/prometheus");
        }

        void start() {
            running.set(true);
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        Map<String, Double> sample = parse(client.send(HttpRequest.newBuilder(prometheus)
                                .timeout(Duration.ofSeconds(5)).GET().build()).body());
                        synchronized (samples) {
                            samples.add(sample);
                        }
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // a sample that could not be taken under load is left out
                    }
                }
            });
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        String summary() {
            synchronized (samples) {
                return String.format(Locale.ROOT,
                        "%d samples: live threads %s, heap used MB %s, connections active %s (pool %d), waiting for a connection %s",
                        samples.size(), range("jvm_threads_live_threads", 1), range("heap", 1024 * 1024),
                        range("hikaricp_connections_active", 1), POOL_SIZE, range("hikaricp_connections_pending", 1));
            }
        }

        private String range(String metric, double unit) {
            double min = samples.stream().mapToDouble(s -> s.getOrDefault(metric, Double.NaN)).min().orElse(Double.NaN);
            double max = samples.stream().mapToDouble(s -> s.getOrDefault(metric, Double.NaN)).max().orElse(Double.NaN);
            return String.format(Locale.ROOT, "%.0f-%.0f", min / unit, max / unit);
        }

        private Map<String, Double> parse(String text) {
            Map<String, Double> values = new TreeMap<>();
            double heap = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String name = line.split("[{ ]", 2)[0];
                double value;
                try {
                    value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } catch (NumberFormatException notANumber) {
                    continue;
                }
                if (name.equals("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
                    heap += value;
                } else {
                    values.merge(name, value, Double::sum);
                }
            }
            values.put("heap", heap);
            return values;
        }
    }

    private void say(String line) {
        System.out.println("LOAD BENCHMARK " + line);
        report.add(line);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Connection connect(String url, String username, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectionTimeZone", "UTC");
        properties.setProperty("forceConnectionTimeZoneToSession", "true");
        return DriverManager.getConnection(url, properties);
    }
}
