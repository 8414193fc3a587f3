package nl.wijkopmaat.monitor;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor in the portal: the wijk page measures the wijk against the municipality's targets with
 * a bar and a sentence for each, the wijk's own page shows its trend and every figure, and all wijken
 * stand side by side; small numbers stay withheld on every page and in the downloads.
 */
@MicronautTest(transactional = false)
class MonitorPagesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    MonitorSnapshots snapshots;

    MonitorWorld world;
    WijkDetail oost;
    PortalClient browser;

    /**
     * Six people active in the wijk of sixty inhabitants (10%, against a target of at least 20%), two
     * in Oost (too few to show) and five in West (withheld too, so that the total does not give Oost
     * away).
     */
    @BeforeEach
    void activity() {
        world = new MonitorWorld(api, fixtures);
        oost = world.wijk("Oostpunt");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        world.inhabitants(world.wijk.id(), today.getYear() - 1, 60);
        world.target("ACTIVE_SHARE", "AT_LEAST", 20, today.minusYears(1));
        Person author = world.residentOf(world.wijk.buurten().get(0));
        String initiative = world.submittedInitiative(author, world.wijk);
        IntStream.range(0, 5).forEach(i -> world.support(world.residentOf(world.wijk.buurten().get(1)), initiative));
        Person oostAuthor = world.residentOf(oost.buurten().get(0));
        world.support(world.residentOf(oost.buurten().get(0)), world.submittedInitiative(oostAuthor, oost));
        WijkDetail west = world.wijk("Westpunt");
        String westInitiative = world.submittedInitiative(world.residentOf(west.buurten().get(0)), west);
        IntStream.range(0, 4).forEach(i -> world.support(world.residentOf(west.buurten().get(0)), westInitiative));
        assertThat(snapshots.refresh(world.municipality.id(), Duration.ZERO)).isTrue();
        browser = new PortalClient(server.getURL().toString());
    }

    private String gemeente() {
        return "/" + Slugs.of(world.municipality.name());
    }

    private String wijkPath(WijkDetail wijk) {
        return gemeente() + "/wijken/" + Slugs.of(wijk.name());
    }

    @Test
    void theWijkPageMeasuresTheWijkAgainstTheTargetsWithABarAndASentence() {
        Page page = browser.get(wijkPath(world.wijk));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("Doet de wijk mee?",
                "Actieve bewoners: 10%, doel ten minste 20%: niet gehaald",
                "portal-chart-bar portal-chart-bar--unmet\" x=\"0\" y=\"2\" width=\"10.0\"",
                "href=\"" + wijkPath(world.wijk) + "/monitor\"");
        Matcher sentence = Pattern.compile("<p class=\"utrecht-paragraph\" id=\"([^\"]+)\">Actieve bewoners: 10%").matcher(page.html());
        assertThat(sentence.find()).isTrue();
        assertThat(page.html()).contains("role=\"img\" aria-labelledby=\"" + sentence.group(1) + "\"");
        assertThat(figure(page, "Actieve bewoners (12 maanden)")).isEqualTo("6");
    }

    @Test
    void aWijkWithFewerThanFiveActivePeopleShowsThemWithheld() {
        Page page = browser.get(wijkPath(oost));

        assertThat(figure(page, "Actieve bewoners (12 maanden)")).isEqualTo("&lt;5 afgeschermd (minder dan 5 mensen)");
        assertThat(cells(browser.get(wijkPath(oost) + "/monitor"), "Actieve bewoners (12 maanden)"))
                .startsWith("&lt;5 afgeschermd (minder dan 5 mensen)").doesNotContain("1", "2");
    }

    @Test
    void theWijkMonitorShowsTheTrendAsATitledChartAndEveryFigureInATable() {
        Page page = browser.get(wijkPath(world.wijk) + "/monitor");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("<h1 class=\"utrecht-heading-1\">Participatiemonitor " + world.wijk.name() + "</h1>",
                "aria-labelledby=\"trend-active_share-title trend-active_share-desc\"",
                "<title id=\"trend-active_share-title\">Actieve bewoners</title>",
                "ten minste 20%.</desc>",
                "<caption class=\"utrecht-table__caption\" id=\"cijfers-caption\">");
        assertThat(cells(page, "Inwoners")).first().isEqualTo("60");
        assertThat(cells(page, "Actief, deel van de inwoners")).first().isEqualTo("10%");
        assertThat(cells(page, "Initiatieven ingediend")).first().isEqualTo("1");
    }

    @Test
    void allWijkenStandSideBySideWithTheSmallCountsWithheld() {
        Page page = browser.get(gemeente() + "/monitor");

        assertThat(page.status()).isEqualTo(200);
        List<String> columns = columns(page);
        assertThat(columns).contains(world.wijk.name(), oost.name(), "Hele gemeente");
        List<String> active = cells(page, "Actieve bewoners (12 maanden)");
        assertThat(active.get(columns.indexOf(oost.name()))).startsWith("&lt;5");
        assertThat(active.get(columns.indexOf("Hele gemeente"))).isEqualTo("13");
        assertThat(active.get(columns.indexOf(world.wijk.name()))).isEqualTo("6");
        assertThat(browser.get(gemeente()).html()).contains("href=\"" + gemeente() + "/monitor\"");
    }

    @Test
    void theDownloadsAreTheOpenDataOfTheApi() throws IOException, InterruptedException {
        HttpResponse<byte[]> wijk = download(wijkPath(world.wijk) + "/monitor.csv");
        HttpResponse<byte[]> municipality = download(gemeente() + "/monitor.csv");

        assertThat(wijk.statusCode()).isEqualTo(200);
        assertThat(wijk.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(wijk.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(new String(wijk.body(), StandardCharsets.UTF_8))
                .isEqualTo(world.csv("/api/v1/wijken/" + world.wijk.id() + "/monitor").body());
        assertThat(new String(municipality.body(), StandardCharsets.UTF_8))
                .isEqualTo(world.csv("/api/v1/municipalities/" + world.municipality.id() + "/monitor").body())
                .contains("<5");
    }

    @Test
    void englishReadersGetEnglishSentences() {
        browser.setCookie("wom_lang", "en");

        assertThat(browser.get(wijkPath(world.wijk)).html())
                .contains("Is the wijk taking part?", "Active residents: 10%, target at least 20%: not met");
        assertThat(browser.get(wijkPath(world.wijk) + "/monitor").html()).contains("Participation monitor " + world.wijk.name());
    }

    @Test
    void anUnknownWijkIsAPageNotFound() {
        Page page = browser.get(gemeente() + "/wijken/bestaat-niet/monitor");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.html()).contains("Deze wijk bestaat niet.");
    }

    private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The figure of the wijk page's monitor section with this name. */
    private static String figure(Page page, String name) {
        Matcher m = Pattern.compile("<dt>" + Pattern.quote(name) + "</dt><dd>(.*?)</dd>").matcher(page.html());
        assertThat(m.find()).as("figure %s", name).isTrue();
        return m.group(1).replaceAll("<[^>]+>", "");
    }

    /** The cells of the first table row headed with this name, markup removed. */
    private static List<String> cells(Page page, String row) {
        Matcher m = Pattern.compile("scope=\"row\">" + Pattern.quote(row) + "</th>(.*?)</tr>").matcher(page.html());
        assertThat(m.find()).as("row %s", row).isTrue();
        return texts(m.group(1), "td");
    }

    private static List<String> columns(Page page) {
        Matcher m = Pattern.compile("<thead[^>]*>(.*?)</thead>").matcher(page.html());
        assertThat(m.find()).isTrue();
        List<String> headers = texts(m.group(1), "th");
        return headers.subList(1, headers.size());
    }

    private static List<String> texts(String html, String tag) {
        Matcher cell = Pattern.compile("<" + tag + "[^>]*>(.*?)</" + tag + ">").matcher(html);
        List<String> texts = new ArrayList<>();
        while (cell.find()) {
            texts.add(cell.group(1).replaceAll("<[^>]+>", ""));
        }
        return texts;
    }
}
