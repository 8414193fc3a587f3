package nl.wijkopmaat.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inhabitants in the admin workspace's monitor page: what the admin enters is what the public
 * monitor of the wijk counts with, and a figure that is no whole number is refused beside its field.
 */
@MicronautTest(transactional = false)
class AdminMonitorPagesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    MonitorSnapshots snapshots;

    MonitorWorld world;
    PortalClient browser;
    String page;

    @BeforeEach
    void setUp() {
        world = new MonitorWorld(api, fixtures);
        browser = new PortalClient(server.getURL().toString());
        browser.get("/inloggen");
        assertThat(browser.post("/inloggen", Map.of("email", world.admin.email(), "password", Fixtures.PASSWORD)).status())
                .isEqualTo(303);
        page = "/werkplek/beheer/" + world.municipality.id() + "/monitor";
    }

    @Test
    void inhabitantsOfAWijkAndABuurtAreWhatTheMonitorCountsWith() {
        int lastYear = LocalDate.now(ZoneId.of("Europe/Amsterdam")).getYear() - 1;
        browser.get(page);

        assertThat(browser.post(page + "/inwoners", Map.of("area", "wijk:" + world.wijk.id(), "year", String.valueOf(lastYear),
                "inhabitants", "1.250", "households", "600")).status()).isEqualTo(303);
        assertThat(browser.post(page + "/inwoners", Map.of("area", "buurt:" + world.wijk.buurten().get(0).id(),
                "year", String.valueOf(lastYear), "inhabitants", "400", "households", "")).status()).isEqualTo(303);

        assertThat(snapshots.refresh(world.municipality.id(), Duration.ZERO)).isTrue();
        JsonNode residents = world.wijkMonitor(world.wijk.id()).json().get("quarters").get(0).get("figures").get("residents");
        assertThat(residents.get("inhabitants").asLong()).isEqualTo(1250);
        Page shown = browser.get(page);
        assertThat(shown.html()).contains("<td class=\"utrecht-table__cell\">1250</td>", "<td class=\"utrecht-table__cell\">600</td>",
                "<td class=\"utrecht-table__cell\">400</td>", world.wijk.buurten().get(0).name() + " (buurt in " + world.wijk.name() + ")");
    }

    @Test
    void aFigureThatIsNoWholeNumberIsRefusedBesideItsFieldAndNothingIsSaved() {
        browser.get(page);

        Page refused = browser.post(page + "/inwoners", Map.of("area", "wijk:" + world.wijk.id(), "year", "1800",
                "inhabitants", "veel", "households", "12,5"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorOf("inhabitants")).isEqualTo("Vul een heel getal in.");
        assertThat(refused.errorOf("households")).isEqualTo("Vul een heel getal in.");
        assertThat(refused.errorOf("year")).isNotBlank();
        assertThat(refused.html()).contains("value=\"veel\"", "value=\"12,5\"", "value=\"1800\"");
        Page missing = browser.post(page + "/inwoners", Map.of("area", "", "year", "2025", "inhabitants", "10"));
        assertThat(missing.errorOf("area")).isNotBlank();
        assertThat(browser.get(page).html()).contains("Er zijn nog geen inwonersaantallen.");
    }
}
