package nl.wijkopmaat.budget;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

import static nl.wijkopmaat.budget.BudgetWorld.YEAR;
import static nl.wijkopmaat.budget.BudgetWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public account of a wijkbudget in the portal through HTTP: the figures and grants as the
 * service has them, the chart with its text alternative, the ledger download for its readers only,
 * and the wijk page's budget section.
 */
@MicronautTest(transactional = false)
class BudgetPagesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    BudgetWorld world;
    PortalClient browser;
    String initiativeId;
    String grantId;

    @BeforeEach
    void world() {
        world = new BudgetWorld(api, fixtures);
        browser = new PortalClient(server.getURL().toString());
        ok(world.allocate(YEAR, 1_000_000));
        initiativeId = world.approvedInitiative();
        ApiResponse granted = world.grant(world.chair, initiativeId, 200_000);
        ok(granted);
        grantId = granted.text("/id");
        ok(world.payout(world.chair, grantId, 50_000));
    }

    private String wijkPath() {
        return "/" + Slugs.of(world.municipality.name()) + "/wijken/" + Slugs.of(world.wijk.name());
    }

    private String accountPath(int year) {
        return wijkPath() + "/wijkbudget/" + year;
    }

    private void signIn(PortalClient client, Person person) {
        client.get("/inloggen");
        assertThat(client.post("/inloggen", Map.of("email", person.email(), "password", Fixtures.PASSWORD)).status())
                .isEqualTo(303);
    }

    private static String euros(long cents) {
        return NumberFormat.getCurrencyInstance(Locale.forLanguageTag("nl-NL")).format(cents / 100.0);
    }

    @Test
    void theAccountPageShowsTheFiguresAndGrantsOfTheService() {
        JsonNode account = world.account(YEAR).json();
        JsonNode grant = api.get(world.year() + "/grants").send().json().get("items").get(0);

        Page page = browser.get(accountPath(YEAR));

        assertThat(page.status()).isEqualTo(200);
        String html = page.html();
        assertThat(html).contains("Wijkbudget " + world.wijk.name() + " " + YEAR);
        for (String figure : new String[] {"allocatedCents", "grantedCents", "paidCents", "availableCents"}) {
            assertThat(html).as(figure).contains(euros(account.get(figure).asLong()));
        }
        assertThat(account.get("availableCents").asLong()).isEqualTo(800_000);
        assertThat(html).contains("<dt>Toegewezen door de gemeente</dt><dd>" + euros(1_000_000) + "</dd>",
                "<dt>Toegekend</dt><dd>" + euros(200_000) + "</dd>", "<dt>Uitbetaald</dt><dd>" + euros(50_000) + "</dd>",
                "<dt>Beschikbaar</dt><dd><strong>" + euros(800_000) + "</strong></dd>");
        assertThat(html).contains("<caption class=\"utrecht-table__caption\">Toekenningen in " + YEAR + "</caption>",
                grant.get("initiativeTitle").asText(), "href=\"/" + Slugs.of(world.municipality.name()) + "/initiatieven/" + initiativeId + "\"",
                "<td class=\"utrecht-table__cell\">" + euros(grant.get("amountCents").asLong()) + "</td>", ">Toegekend</td>");
    }

    @Test
    void theChartIsAnSvgWithItsTextAlternativeAndBarsScaledOnTheServer() {
        Page page = browser.get(accountPath(YEAR));

        String html = page.html();
        assertThat(html).contains("<svg class=\"portal-budget-chart\"", "role=\"img\"",
                "aria-labelledby=\"budget-chart-title budget-chart-desc\"",
                "<title id=\"budget-chart-title\">Wijkbudget " + YEAR + ": toegewezen, toegekend, uitbetaald en beschikbaar</title>",
                "<desc id=\"budget-chart-desc\">Toegewezen " + euros(1_000_000) + ", toegekend " + euros(200_000) + ", uitbetaald "
                        + euros(50_000) + ", beschikbaar " + euros(800_000) + ".</desc>");
        assertThat(html).contains("portal-budget-chart__bar--allocated\" x=\"0\" y=\"26\" width=\"100.0%\"",
                "portal-budget-chart__bar--granted\" x=\"0\" y=\"82\" width=\"20.0%\"",
                "portal-budget-chart__bar--paid\" x=\"0\" y=\"138\" width=\"5.0%\"",
                "portal-budget-chart__bar--available\" x=\"0\" y=\"194\" width=\"80.0%\"");
        assertThat(html).doesNotContain("<script", "style=\"");
    }

    @Test
    void theAccountReadsInEnglish() {
        browser.setCookie("wom_lang", "en");

        Page page = browser.get(accountPath(YEAR));

        assertThat(page.html()).contains("<html lang=\"en\"", "Allocated by the municipality", "Grants in " + YEAR,
                "Wijkbudget " + YEAR + ": allocated, granted, paid and available");
    }

    @Test
    void aYearWithoutABudgetThatCannotHaveOneIsNotFound() {
        assertThat(browser.get(accountPath(YEAR - 5)).status()).isEqualTo(404);
        assertThat(browser.get(wijkPath() + "/wijkbudget/dit-jaar").status()).isEqualTo(404);
        Page nextYear = browser.get(accountPath(YEAR + 1));
        assertThat(nextYear.status()).isEqualTo(200);
        assertThat(nextYear.html()).contains("<dt>Beschikbaar</dt><dd><strong>" + euros(0) + "</strong></dd>",
                "Er is dit jaar nog geen geld aan initiatieven toegekend.");
    }

    @Test
    void theLedgerLinkIsOfferedOnlyToThoseWhoMayReadTheLedger() {
        String csvHref = "href=\"" + accountPath(YEAR) + "/kasboek.csv\"";
        assertThat(browser.get(accountPath(YEAR)).html()).doesNotContain("kasboek.csv");

        PortalClient resident = new PortalClient(server.getURL().toString());
        signIn(resident, world.neighbour);
        PortalClient otherChair = new PortalClient(server.getURL().toString());
        signIn(otherChair, world.otherChair);
        PortalClient chair = new PortalClient(server.getURL().toString());
        signIn(chair, world.chair);
        PortalClient secretary = new PortalClient(server.getURL().toString());
        signIn(secretary, world.secretary);
        PortalClient admin = new PortalClient(server.getURL().toString());
        signIn(admin, world.admin);

        assertThat(resident.get(accountPath(YEAR)).html()).doesNotContain("kasboek.csv");
        assertThat(otherChair.get(accountPath(YEAR)).html()).doesNotContain("kasboek.csv");
        assertThat(chair.get(accountPath(YEAR)).html()).contains(csvHref, "Kasboek " + YEAR + " downloaden (CSV)");
        assertThat(secretary.get(accountPath(YEAR)).html()).contains(csvHref);
        assertThat(admin.get(accountPath(YEAR)).html()).contains(csvHref);
    }

    @Test
    void theLedgerDownloadIsTheServicesSpreadsheetForItsReadersOnly() {
        PortalClient chair = new PortalClient(server.getURL().toString());
        signIn(chair, world.chair);
        PortalClient resident = new PortalClient(server.getURL().toString());
        signIn(resident, world.neighbour);

        Page csv = chair.get(accountPath(YEAR) + "/kasboek.csv");
        Page refused = resident.get(accountPath(YEAR) + "/kasboek.csv");
        Page signedOut = browser.get(accountPath(YEAR) + "/kasboek.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"wijkbudget-" + YEAR + ".csv\"");
        String[] lines = csv.html().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo("Datum;Soort;Bedrag (EUR);Beschikbaar (EUR);Initiatief;Partner;Betaald op;Referentie;Reden;Door");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains(";ALLOCATION;10000,00;10000,00;");
        assertThat(lines[2]).contains(";GRANT_COMMITTED;2000,00;8000,00;");
        assertThat(lines[3]).contains(";PAYOUT;500,00;8000,00;", "Factuur 1");
        assertThat(world.ledger(world.chair, YEAR).json().get("items")).hasSize(3);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(signedOut.header("Location")).startsWith("/inloggen?terug=");
    }

    @Test
    void theWijkPageShowsThisYearsAvailableMoneyAndLinksTheYearsAndItsProposals() {
        Page wijk = browser.get(wijkPath());

        assertThat(wijk.status()).isEqualTo(200);
        assertThat(wijk.html()).contains("id=\"wijkbudget-heading\"", "Beschikbaar in " + YEAR + ": " + euros(800_000),
                "href=\"" + accountPath(YEAR) + "\"", "id=\"uitdagingen-heading\"");
        assertThat(wijk.html().indexOf("id=\"uitdagingen-heading\"")).isLessThan(wijk.html().indexOf("id=\"wijkbudget-heading\""));
    }
}
