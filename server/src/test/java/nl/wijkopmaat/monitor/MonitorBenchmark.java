package nl.wijkopmaat.monitor;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.load.LoadData;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full refresh of a municipality of 50,000 residents, 100,000 initiatives and about 1,000,000
 * supports ({@link LoadData}, bulk SQL), then the public monitor read from the snapshot. Run it
 * alone against a database of its own:
 * {@code DATASOURCES_DEFAULT_URL=jdbc:mysql://127.0.0.1:3306/wijkopmaat_monitor_bench ./mvnw -B -pl server test
 * -Pbenchmark -Dtest=MonitorBenchmark}. Aims: the refresh under 10 s, the endpoint under 50 ms at p99.
 */
@MicronautTest(transactional = false)
class MonitorBenchmark {

    private static final int REQUESTS = 500;

    @Inject
    EmbeddedServer server;
    @Inject
    MonitorSnapshots snapshots;
    @Inject
    GeographyService geography;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    @Test
    void refreshOfAllWijkenAndTheMonitorFromTheSnapshot() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectionTimeZone", "UTC");
        properties.setProperty("forceConnectionTimeZoneToSession", "true");
        List<String> wijken;
        try (Connection db = DriverManager.getConnection(url, properties)) {
            wijken = new LoadData(db).wijken(4);
        }
        UUID municipality = geography.findMunicipalityByName(LoadData.MUNICIPALITY).orElseThrow().id();

        List<Long> refreshes = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            assertThat(snapshots.refresh(municipality, Duration.ZERO)).isTrue();
            refreshes.add((System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf(Locale.ROOT, "MONITOR REFRESH of %d wijken (four quarters the first time, then the current one): %s ms%n",
                wijken.size(), refreshes);

        List<Long> municipalityTimes = times("/api/v1/municipalities/" + municipality + "/monitor");
        List<Long> wijkTimes = times("/api/v1/wijken/" + wijken.get(0) + "/monitor");
        System.out.printf(Locale.ROOT, "MONITOR ENDPOINT municipality: p50 %.1f ms, p99 %.1f ms; wijk: p50 %.1f ms, p99 %.1f ms%n",
                percentile(municipalityTimes, 50), percentile(municipalityTimes, 99),
                percentile(wijkTimes, 50), percentile(wijkTimes, 99));
    }

    /** Sequential requests over one connection, as a client would send them, without the contract check of the tests. */
    private List<Long> times(String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build();
        for (int i = 0; i < 50; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            times.add(System.nanoTime() - started);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        Collections.sort(times);
        return times;
    }

    private static double percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}
