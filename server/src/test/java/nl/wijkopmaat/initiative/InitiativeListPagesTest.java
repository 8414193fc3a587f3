package nl.wijkopmaat.initiative;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The initiatives of a wijk in the portal: filtered as the API filters them (status, theme, buurt,
 * order), paged with the API's cursor, an unknown filter value named beside its field, and never a
 * draft for a visitor.
 */
@MicronautTest(transactional = false)
class InitiativeListPagesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    MunicipalityView municipality;
    WijkDetail wijk;
    BuurtView kade;
    BuurtView dijk;
    Person author;
    PortalClient browser;

    @BeforeEach
    void wijk() {
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "Kade", "Dijk");
        kade = wijk.buurten().stream().filter(b -> b.name().equals("Kade")).findFirst().orElseThrow();
        dijk = wijk.buurten().stream().filter(b -> b.name().equals("Dijk")).findFirst().orElseThrow();
        author = fixtures.resident(municipality.id());
        browser = new PortalClient(server.getURL().toString());
    }

    private String listPath() {
        return "/" + Slugs.of(municipality.name()) + "/wijken/" + Slugs.of(wijk.name()) + "/initiatieven";
    }

    private String initiative(String title, String theme, BuurtView buurt, boolean submit) {
        Map<String, Object> content = new HashMap<>(Map.of("title", title, "description", "Samen de buurt mooier maken.",
                "theme", theme, "wijkId", wijk.id().toString(), "buurtId", buurt.id().toString(), "requestedBudgetCents", 0));
        ApiResponse created = api.post("/api/v1/initiatives").token(author.accessToken()).json(content).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("/id");
        if (submit) {
            ApiResponse submitted = api.post("/api/v1/initiatives/" + id + "/status-changes").token(author.accessToken())
                    .json(Map.of("action", "SUBMIT")).send();
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        }
        return id;
    }

    private void support(String initiative) {
        Person supporter = fixtures.resident(municipality.id());
        assertThat(api.post("/api/v1/initiatives/" + initiative + "/supports").token(supporter.accessToken()).send().status())
                .isBetween(200, 204);
    }

    /** The titles of the initiatives listed, in their order. */
    private static List<String> titles(Page page) {
        Matcher m = Pattern.compile("<h3 class=\"utrecht-heading-3\"><a class=\"utrecht-link\" href=\"[^\"]+\">([^<]+)</a>").matcher(page.html());
        List<String> titles = new ArrayList<>();
        while (m.find()) {
            titles.add(m.group(1));
        }
        return titles;
    }

    @Test
    void theFiltersOfTheApiNarrowTheListAndADraftIsNeverShown() {
        initiative("Moestuin aan de kade", "GROEN", kade, true);
        String concert = initiative("Concert op de dijk", "CULTUUR", dijk, true);
        initiative("Bloembakken op de dijk", "GROEN", dijk, true);
        initiative("Geheim concept", "GROEN", kade, false);
        support(concert);
        support(concert);

        Page all = browser.get(listPath());
        assertThat(all.status()).isEqualTo(200);
        assertThat(titles(all)).containsExactly("Bloembakken op de dijk", "Concert op de dijk", "Moestuin aan de kade");
        assertThat(titles(browser.get(listPath() + "?thema=GROEN"))).containsExactly("Bloembakken op de dijk", "Moestuin aan de kade");
        assertThat(titles(browser.get(listPath() + "?buurt=" + dijk.id()))).containsExactly("Bloembakken op de dijk", "Concert op de dijk");
        assertThat(titles(browser.get(listPath() + "?status=SUBMITTED&thema=CULTUUR"))).containsExactly("Concert op de dijk");
        assertThat(titles(browser.get(listPath() + "?volgorde=steun")).get(0)).isEqualTo("Concert op de dijk");
        Page none = browser.get(listPath() + "?status=APPROVED");
        assertThat(titles(none)).isEmpty();
        assertThat(none.html()).contains("Geen initiatieven gevonden met deze filters.");
        assertThat(browser.get(listPath() + "?thema=GROEN").html()).contains("<option value=\"GROEN\" selected>");
    }

    @Test
    void anUnknownFilterValueIsNamedBesideItsField() {
        initiative("Moestuin aan de kade", "GROEN", kade, true);

        Page page = browser.get(listPath() + "?thema=ONZIN&buurt=" + java.util.UUID.randomUUID() + "&volgorde=oudste");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.errorOf("thema")).isEqualTo("Kies een van de mogelijkheden.");
        assertThat(page.errorOf("buurt")).isEqualTo("Kies een van de mogelijkheden.");
        assertThat(page.errorOf("volgorde")).isEqualTo("Kies een van de mogelijkheden.");
        assertThat(page.errorOf("status")).isNull();
        assertThat(titles(page)).isEmpty();
    }

    @Test
    void longListsArePagedWithTheApisCursorKeepingTheFilters() {
        for (int i = 0; i < 22; i++) {
            initiative("Groen plan " + (100 + i), "GROEN", kade, true);
        }
        initiative("Cultureel plan", "CULTUUR", kade, true);

        Page first = browser.get(listPath() + "?thema=GROEN");
        assertThat(titles(first)).hasSize(20).allMatch(title -> title.startsWith("Groen plan"));
        Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first.html());
        assertThat(next.find()).isTrue();
        String nextHref = next.group(1).replace("&amp;", "&");
        assertThat(nextHref).startsWith(listPath() + "?thema=GROEN&vanaf=");

        Page second = browser.get(nextHref);
        assertThat(titles(second)).containsExactly("Groen plan 101", "Groen plan 100");
        assertThat(second.html()).doesNotContain("rel=\"next\"");
    }

    @Test
    void theWijkPageOffersTheFiltersAndTheWholeList() {
        initiative("Moestuin aan de kade", "GROEN", kade, true);

        Page page = browser.get("/" + Slugs.of(municipality.name()) + "/wijken/" + Slugs.of(wijk.name()));

        assertThat(page.html()).contains("<form method=\"get\" action=\"" + listPath() + "\"",
                "<select class=\"utrecht-select utrecht-select--html-select\" id=\"thema\" name=\"thema\"",
                "<option value=\"" + dijk.id() + "\">Dijk</option>", "href=\"" + listPath() + "\"");
    }
}
