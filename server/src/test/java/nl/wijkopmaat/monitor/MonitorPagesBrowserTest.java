package nl.wijkopmaat.monitor;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor and the wijk's initiative list in headless Chromium: the wijk page's monitor section,
 * the wijk's monitor with its charts, all wijken side by side, and the filters, each passing
 * axe-core's WCAG 2.1 A and AA rules and fitting a 320 pixel wide screen.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorPagesBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    MonitorSnapshots snapshots;

    PortalBrowser browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = PortalBrowser.start(server.getPort());
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aVisitorReadsTheMonitorAndFiltersTheInitiatives() {
        MonitorWorld world = new MonitorWorld(api, fixtures);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        world.inhabitants(world.wijk.id(), today.getYear() - 1, 40);
        world.target("ACTIVE_SHARE", "AT_LEAST", 20, today.minusYears(1));
        world.target("ANSWERED_IN_TERM_SHARE", "AT_LEAST", 90, today.minusYears(1));
        Person author = world.residentOf(world.wijk.buurten().get(0));
        String initiative = world.submittedInitiative(author, world.wijk);
        IntStream.range(0, 7).forEach(i -> world.support(world.residentOf(world.wijk.buurten().get(1)), initiative));
        world.wijk("Klein");
        assertThat(snapshots.refresh(world.municipality.id(), Duration.ZERO)).isTrue();
        String gemeente = "/" + Slugs.of(world.municipality.name());
        String wijk = gemeente + "/wijken/" + Slugs.of(world.wijk.name());

        browser.signOut();
        browser.open(wijk);
        assertThat(browser.mainText()).contains("Doet de wijk mee?", "Actieve bewoners: 20%, doel ten minste 20%: gehaald");
        browser.assertAccessible();

        browser.follow("Alle cijfers van de participatiemonitor van deze wijk");
        assertThat(browser.mainText()).contains("Verloop over de laatste vier kwartalen", "Alle cijfers");
        assertThat(browser.driver().findElements(By.cssSelector("svg[role=img] title"))).isNotEmpty();
        browser.assertAccessible();
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);

        browser.follow("Alle wijken van de gemeente naast elkaar");
        assertThat(browser.mainText()).contains(world.wijk.name(), "Hele gemeente");
        browser.assertAccessible();
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);

        browser.open(wijk);
        new Select(browser.driver().findElement(By.id("thema"))).selectByValue("GROEN");
        browser.submit("Filteren");
        assertThat(browser.driver().getCurrentUrl()).contains("/initiatieven?", "thema=GROEN");
        assertThat(browser.mainText()).contains("Gevonden initiatieven", "Speeltuin opknappen");
        browser.assertAccessible();

        browser.open(wijk + "/initiatieven?thema=ONZIN");
        assertThat(browser.driver().findElement(By.id("thema-error")).getText()).isEqualTo("Kies een van de mogelijkheden.");
        browser.assertAccessible();

        browser.open("/bestaat/niet/echt/niet");
        assertThat(browser.mainText()).contains("Pagina niet gevonden");
        browser.assertAccessible();
    }
}
