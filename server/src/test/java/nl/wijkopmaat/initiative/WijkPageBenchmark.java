package nl.wijkopmaat.initiative;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.Theme;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.initiative.InitiativeCommands.Content;
import nl.wijkopmaat.initiative.InitiativeCommands.StatusChangeRequest;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.StatementCounter;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public wijk page of a wijk with 1,000 submitted initiatives (and supports on them), read by
 * visitors one after another, and the wijk's filtered initiative list deep in its pages. Run it
 * alone: {@code ./mvnw -B -pl server test -Pbenchmark -Dtest=WijkPageBenchmark} with
 * {@code DATASOURCES_DEFAULT_URL} set to a database of its own. Aim: under 50 ms at p99, measured
 * at the client over loopback (so server time is at most that), with the same number of statements
 * as for a wijk with one initiative.
 */
@MicronautTest(transactional = false)
class WijkPageBenchmark {

    private static final int INITIATIVES = 1_000;
    private static final int AUTHORS = 50;
    private static final int SUPPORTERS = 200;
    private static final int WARM_UP = 100;
    private static final int REQUESTS = 1_000;

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    InitiativeService initiatives;
    @Inject
    EngagementService engagement;
    @Inject
    StatementCounter statements;

    @Test
    void theWijkPageOfAWijkWithAThousandInitiatives() throws Exception {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id(), "Haven", "Kade", "Dijk");
        List<Person> authors = IntStream.range(0, AUTHORS).mapToObj(i -> fixtures.resident(municipality.id())).toList();
        List<Person> supporters = IntStream.range(0, SUPPORTERS).mapToObj(i -> fixtures.resident(municipality.id())).toList();
        Theme[] themes = Theme.values();
        long loading = System.nanoTime();
        for (int i = 0; i < INITIATIVES; i++) {
            UUID author = authors.get(i % AUTHORS).id();
            UUID id = initiatives.create(author, new Content("Initiatief " + i + " voor de wijk", "Samen de wijk mooier maken.",
                    themes[i % themes.length], wijk.id(), wijk.buurten().get(i % 3).id(), null, null, null, 0L)).id();
            initiatives.changeStatus(id, author, new StatusChangeRequest(InitiativeTransition.SUBMIT, null, null));
            for (int s = 0; s < i % 5; s++) {
                engagement.support(id, supporters.get((i + s) % SUPPORTERS).id());
            }
        }
        System.out.printf(Locale.ROOT, "WIJK PAGE load of %d initiatives: %d s%n", INITIATIVES, (System.nanoTime() - loading) / 1_000_000_000);

        String wijkPath = "/" + Slugs.of(municipality.name()) + "/wijken/" + Slugs.of(wijk.name());
        statements.reset();
        assertThat(get(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), wijkPath).statusCode()).isEqualTo(200);
        System.out.printf(Locale.ROOT, "WIJK PAGE statements per page: %d%n", statements.count());

        List<Long> page = times(wijkPath);
        List<Long> filtered = times(wijkPath + "/initiatieven?thema=GROEN&volgorde=steun");
        System.out.printf(Locale.ROOT, "WIJK PAGE %d requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", REQUESTS,
                percentile(page, 50), percentile(page, 99), percentile(page, 100));
        System.out.printf(Locale.ROOT, "WIJK INITIATIVE LIST (theme, by support) %d requests: p50 %.1f ms, p99 %.1f ms%n", REQUESTS,
                percentile(filtered, 50), percentile(filtered, 99));
    }

    private List<Long> times(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < WARM_UP; i++) {
            get(client, path);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get(client, path);
            times.add(System.nanoTime() - started);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        Collections.sort(times);
        return times;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept-Language", "nl").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}
