package nl.wijkopmaat.budget;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import nl.wijkopmaat.support.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.wijkopmaat.budget.BudgetWorld.YEAR;
import static nl.wijkopmaat.budget.BudgetWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's wijkbudget workspace through HTTP: the year's money and grants as the service has them,
 * proposing, confirming and cancelling grants with the four-eyes rule, payouts and releases, the
 * ledger with its running balance and next pages, errors beside their fields, refusals of the wrong
 * role on every page and form, the CSRF token, and forms that move money only once. Every effect is
 * checked through the JSON API.
 */
@MicronautTest(transactional = false)
class BudgetWorkspaceTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    StatementCounter statements;

    BudgetWorld world;
    String initiative;

    @BeforeEach
    void world() {
        world = new BudgetWorld(api, fixtures);
        ok(world.allocate(YEAR, 1_000_000));
        initiative = world.approvedInitiative();
    }

    private String base() {
        return "/werkplek/wijkplatform/" + world.platform() + "/wijkbudget";
    }

    private String yearPage() {
        return base() + "/" + YEAR;
    }

    private String grantPage(String grantId) {
        return yearPage() + "/toekenningen/" + grantId;
    }

    private PortalClient signedIn(Person person) {
        PortalClient client = new PortalClient(server.getURL().toString());
        client.get("/inloggen");
        assertThat(client.post("/inloggen", Map.of("email", person.email(), "password", Fixtures.PASSWORD)).status())
                .isEqualTo(303);
        return client;
    }

    private static String euros(long cents) {
        return NumberFormat.getCurrencyInstance(Locale.forLanguageTag("nl-NL")).format(cents / 100.0);
    }

    /** The form key of the form posting to the address that ends with {@code action}. */
    private static String keyOf(Page page, String action) {
        Matcher form = Pattern.compile("action=\"[^\"]*" + Pattern.quote(action) + "\"[^>]*>\\s*<input type=\"hidden\" name=\"csrfToken\" value=\"[^\"]+\">\\s*"
                + "<input type=\"hidden\" name=\"idempotencyKey\" value=\"([^\"]+)\">").matcher(page.html());
        assertThat(form.find()).as("a form to " + action).isTrue();
        return form.group(1);
    }

    private Page propose(PortalClient client, String initiativeId, String amount) {
        Page page = client.get(yearPage());
        return client.post(yearPage() + "/toekenningen", Map.of("idempotencyKey", keyOf(page, "/toekenningen"),
                "initiativeId", initiativeId, "amount", amount, "note", "Voor de zaden"));
    }

    private String proposedGrant(Page answer) {
        assertThat(answer.status()).as(answer.html()).isEqualTo(303);
        String location = answer.header("Location");
        assertThat(location).startsWith(yearPage() + "/toekenningen/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private Page step(PortalClient client, String grantId, String step) {
        Page page = client.get(grantPage(grantId));
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(page.html());
        Map<String, String> form = new HashMap<>();
        form.put("idempotencyKey", key.find() ? key.group(1) : UUID.randomUUID().toString());
        return client.post(grantPage(grantId) + "/" + step, form);
    }

    private JsonNode grantOf(String grantId) {
        for (JsonNode grant : world.account(YEAR).json().get("grants")) {
            if (grant.get("id").asText().equals(grantId)) {
                return grant;
            }
        }
        throw new AssertionError("no grant " + grantId);
    }

    private JsonNode ledger() {
        return world.ledger(world.admin, YEAR).json().get("items");
    }

    private String nameOf(Person person) {
        return api.get("/api/v1/me").token(person.accessToken()).send().text("/displayName");
    }

    @Test
    void theWorkspaceListsTheBoardsPlatformsAndOpensTheCurrentYear() {
        PortalClient chair = signedIn(world.chair);
        Page workspaces = chair.get("/werkplek");
        assertThat(workspaces.html()).contains("Wijkbudget " + world.wijk.wijkplatform().name(), "href=\"" + base() + "\"");
        assertThat(signedIn(world.secretary).get("/werkplek").html()).contains("href=\"" + base() + "\"");
        assertThat(signedIn(world.neighbour).get("/werkplek").html()).doesNotContain(base());
        assertThat(signedIn(world.otherChair).get("/werkplek").html()).doesNotContain(base());

        Page current = chair.get(base());
        assertThat(current.status()).isEqualTo(303);
        assertThat(current.header("Location")).isEqualTo(yearPage());
        Page signedOut = new PortalClient(server.getURL().toString()).get(yearPage());
        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(signedOut.header("Location")).startsWith("/inloggen");
    }

    @Test
    void theYearPageShowsTheMoneyTheGrantsAndTheRuleOfTheService() {
        String committed = world.grant(world.chair, initiative, 75_000).text("/id");
        String pending = world.grant(world.chair, initiative, 300_000).text("/id");
        String notApproved = world.submitted(world.wijk);
        String otherWijks = world.approvedInitiative(world.otherWijk);
        JsonNode account = world.account(YEAR).json();

        Page page = signedIn(world.secretary).get(yearPage());

        assertThat(page.status()).isEqualTo(200);
        String html = page.html();
        assertThat(html).contains("Wijkbudget " + world.wijk.wijkplatform().name() + " " + YEAR,
                "Nog beschikbaar: " + euros(account.get("availableCents").asLong()),
                "<dt>Gereserveerd (wacht op een tweede bestuurslid)</dt><dd>" + euros(300_000) + "</dd>",
                "<dt>Toegekend</dt><dd>" + euros(75_000) + "</dd>",
                "Een toekenning van de voorzitter onder " + euros(250_000) + " gaat meteen in",
                "Wie een toekenning voorstelde, kan haar nooit zelf bevestigen",
                "U bent secretaris van dit wijkplatform");
        String chairName = nameOf(world.chair);
        assertThat(html).contains("href=\"" + grantPage(committed) + "\"", "href=\"" + grantPage(pending) + "\"",
                chairName + " (voorzitter)", "Meteen toegekend (onder de drempel)",
                "Wacht op bevestiging door een ander bestuurslid dan " + chairName + ", zoals de secretaris. U kunt haar bevestigen.");
        assertThat(html).contains("<option value=\"" + initiative + "\"").doesNotContain(notApproved, otherWijks);
        assertThat(html).contains("href=\"" + yearPage() + "/kasboek\"", "href=\"/" + Slugs.of(world.municipality.name())
                + "/wijken/" + Slugs.of(world.wijk.name()) + "/wijkbudget/" + YEAR + "/kasboek.csv\"");
        assertThat(html).doesNotContain("<script", "style=\"");

        PortalClient english = signedIn(world.chair);
        english.setCookie("wom_lang", "en");
        assertThat(english.get(yearPage()).html()).contains("<html lang=\"en\"", "Still available", "Four eyes",
                "A grant by the chair below " + euros(250_000) + " takes effect at once",
                "confirm the grants the secretary prepares");
    }

    @Test
    void theAdminReadsTheWorkspaceButGetsNoForms() {
        Page page = signedIn(world.admin).get(yearPage());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("U leest dit wijkbudget als beheerder").doesNotContain("idempotencyKey");
        assertThat(signedIn(world.admin).get(yearPage() + "/kasboek").status()).isEqualTo(200);
    }

    @Test
    void theChairsGrantBelowTheThresholdIsCommittedAtOnce() {
        PortalClient chair = signedIn(world.chair);
        String grant = proposedGrant(propose(chair, initiative, "750,50"));

        JsonNode granted = grantOf(grant);
        assertThat(granted.get("amountCents").asLong()).isEqualTo(75_050);
        assertThat(granted.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(granted.get("note").asText()).isEqualTo("Voor de zaden");
        assertThat(world.account(YEAR).json().get("availableCents").asLong()).isEqualTo(1_000_000 - 75_050);
        Page page = chair.get(grantPage(grant));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("Toekenning aan " + granted.get("initiativeTitle").asText(), euros(75_050),
                "Meteen toegekend (onder de drempel)", "Uitbetaling boeken");
    }

    @Test
    void theProposerCannotConfirmAboveTheThresholdAndTheOtherBoardMemberCan() {
        PortalClient chair = signedIn(world.chair);
        String grant = proposedGrant(propose(chair, initiative, "3.000,00"));
        assertThat(grantOf(grant).get("status").asText()).isEqualTo("PENDING");

        Page own = chair.get(grantPage(grant));
        assertThat(own.html()).contains("Wacht op bevestiging door een ander bestuurslid dan " + nameOf(world.chair),
                "U kunt deze toekenning niet zelf bevestigen, wel annuleren.").doesNotContain("/bevestigen\"");
        Page refused = step(chair, grant, "bevestigen");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).contains("U kunt een toekenning die u zelf voorstelde niet ook bevestigen.");
        assertThat(grantOf(grant).get("status").asText()).isEqualTo("PENDING");

        PortalClient secretary = signedIn(world.secretary);
        assertThat(secretary.get(grantPage(grant)).html()).contains("/bevestigen\"", "U kunt haar bevestigen.");
        Page confirmed = step(secretary, grant, "bevestigen");
        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(confirmed.header("Location")).isEqualTo(grantPage(grant));
        assertThat(grantOf(grant).get("status").asText()).isEqualTo("COMMITTED");
        assertThat(world.account(YEAR).json().get("grantedCents").asLong()).isEqualTo(300_000);
        assertThat(secretary.get(grantPage(grant)).html()).contains("Bevestigd door " + nameOf(world.secretary));
    }

    @Test
    void whatTheSecretaryPreparesTheChairConfirms() {
        PortalClient secretary = signedIn(world.secretary);
        String grant = proposedGrant(propose(secretary, initiative, "100"));
        assertThat(grantOf(grant).get("status").asText()).isEqualTo("PENDING");
        assertThat(secretary.get(grantPage(grant)).html()).contains("Wacht op bevestiging door de voorzitter");
        assertThat(step(secretary, grant, "bevestigen").status()).isEqualTo(403);
        assertThat(grantOf(grant).get("status").asText()).isEqualTo("PENDING");

        assertThat(step(signedIn(world.chair), grant, "bevestigen").status()).isEqualTo(303);
        assertThat(grantOf(grant).get("status").asText()).isEqualTo("COMMITTED");
    }

    @Test
    void eitherBoardMemberCancelsAPendingGrant() {
        String grant = proposedGrant(propose(signedIn(world.chair), initiative, "3000"));
        Page cancelled = step(signedIn(world.secretary), grant, "annuleren");
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(grantOf(grant).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(world.account(YEAR).json().get("availableCents").asLong()).isEqualTo(1_000_000);
    }

    @Test
    void theChairBooksPayoutsAndReleases() {
        String grant = world.grant(world.chair, initiative, 100_000).text("/id");
        PortalClient chair = signedIn(world.chair);
        Page page = chair.get(grantPage(grant));
        Page paid = chair.post(grantPage(grant) + "/uitbetalingen", Map.of("idempotencyKey", keyOf(page, "/uitbetalingen"),
                "payoutAmount", "400,25", "paidOn", "2-3-" + YEAR, "reference", "Factuur 17"));
        assertThat(paid.status()).as(paid.html()).isEqualTo(303);
        assertThat(paid.header("Location")).isEqualTo(grantPage(grant));
        JsonNode payouts = api.get("/api/v1/grants/" + grant + "/payouts").token(world.chair.accessToken()).send().json().get("items");
        assertThat(payouts).hasSize(1);
        assertThat(payouts.get(0).get("amountCents").asLong()).isEqualTo(40_025);
        assertThat(payouts.get(0).get("paidOn").asText()).isEqualTo(LocalDate.of(YEAR, 3, 2).toString());
        assertThat(payouts.get(0).get("reference").asText()).isEqualTo("Factuur 17");

        page = chair.get(grantPage(grant));
        Page released = chair.post(grantPage(grant) + "/vrijgaven", Map.of("idempotencyKey", keyOf(page, "/vrijgaven"),
                "releaseAmount", "99,75", "reason", "De zaden waren goedkoper"));
        assertThat(released.status()).isEqualTo(303);
        JsonNode releases = api.get("/api/v1/grants/" + grant + "/releases").token(world.chair.accessToken()).send().json().get("items");
        assertThat(releases).hasSize(1);
        assertThat(releases.get(0).get("amountCents").asLong()).isEqualTo(9_975);
        assertThat(releases.get(0).get("reason").asText()).isEqualTo("De zaden waren goedkoper");
        JsonNode granted = grantOf(grant);
        assertThat(granted.get("paidCents").asLong()).isEqualTo(40_025);
        assertThat(granted.get("releasedCents").asLong()).isEqualTo(9_975);
        assertThat(chair.get(grantPage(grant)).html()).contains("<dd><strong>" + euros(50_000) + "</strong></dd>");

        PortalClient secretary = signedIn(world.secretary);
        Page secretaryPage = secretary.get(grantPage(grant));
        assertThat(secretaryPage.html()).contains("Uitbetalingen en vrijgevallen geld boekt de voorzitter.")
                .doesNotContain("/uitbetalingen\"");
        Page refused = secretary.post(grantPage(grant) + "/uitbetalingen", Map.of("idempotencyKey", UUID.randomUUID().toString(),
                "payoutAmount", "10,00", "paidOn", LocalDate.now().toString(), "reference", "Factuur 18"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(grantOf(grant).get("paidCents").asLong()).isEqualTo(40_025);
    }

    @Test
    void everyErrorStandsBesideItsFieldWithWhatWasTypedAndNothingIsSaved() {
        PortalClient chair = signedIn(world.chair);
        int entries = ledger().size();

        Page tooPrecise = propose(chair, initiative, "12,505");
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(tooPrecise.errorOf("amount")).isEqualTo("Vul een bedrag in euro in, met hoogstens twee cijfers achter de komma.");
        assertThat(tooPrecise.html()).contains("value=\"12,505\"", "<option value=\"" + initiative + "\" selected",
                "Voor de zaden</textarea>");

        Page tooMuch = propose(chair, initiative, "20.000,00");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.errorOf("amount")).isEqualTo("Er is niet genoeg geld beschikbaar: nog € 10.000,00 beschikbaar.");
        assertThat(tooMuch.html()).contains("value=\"20.000,00\"");

        Page noInitiative = propose(chair, "", "10,00");
        assertThat(noInitiative.status()).isEqualTo(400);
        assertThat(noInitiative.errorOf("initiativeId")).isNotBlank();
        Page noAmount = propose(chair, initiative, "");
        assertThat(noAmount.errorOf("amount")).isNotBlank();
        assertThat(world.account(YEAR).json().get("grants")).isEmpty();
        assertThat(ledger()).hasSize(entries);

        String grant = world.grant(world.chair, initiative, 10_000).text("/id");
        entries = ledger().size();
        Page page = chair.get(grantPage(grant));
        Page badPayout = chair.post(grantPage(grant) + "/uitbetalingen", Map.of("idempotencyKey", keyOf(page, "/uitbetalingen"),
                "payoutAmount", "1,234", "paidOn", "gisteren", "reference", ""));
        assertThat(badPayout.status()).isEqualTo(400);
        assertThat(badPayout.errorOf("payoutAmount")).isEqualTo("Vul een bedrag in euro in, met hoogstens twee cijfers achter de komma.");
        assertThat(badPayout.errorOf("paidOn")).isEqualTo("Vul een datum in, bijvoorbeeld 1-3-2026.");
        assertThat(badPayout.errorOf("reference")).isNotBlank();
        assertThat(badPayout.html()).contains("value=\"1,234\"", "value=\"gisteren\"");
        page = chair.get(grantPage(grant));
        Page overPaid = chair.post(grantPage(grant) + "/uitbetalingen", Map.of("idempotencyKey", keyOf(page, "/uitbetalingen"),
                "payoutAmount", "100,01", "paidOn", LocalDate.now().toString(), "reference", "Factuur 1"));
        assertThat(overPaid.status()).isEqualTo(409);
        assertThat(overPaid.errorOf("payoutAmount")).isEqualTo("Dit is meer dan er van deze toekenning over is: nog € 100,00.");
        page = chair.get(grantPage(grant));
        Page noReason = chair.post(grantPage(grant) + "/vrijgaven", Map.of("idempotencyKey", keyOf(page, "/vrijgaven"),
                "releaseAmount", "1,00", "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorOf("reason")).isNotBlank();
        assertThat(ledger()).hasSize(entries);
        assertThat(grantOf(grant).get("paidCents").asLong()).isZero();
    }

    @Test
    void theLedgerShowsTheRunningBalanceAPageAtATime() {
        for (int i = 1; i <= 52; i++) {
            ok(world.allocate(YEAR, 1_000_000 + i * 100L));
        }
        JsonNode entries = world.ledger(world.admin, YEAR).json().get("items");
        PortalClient secretary = signedIn(world.secretary);

        Page first = secretary.get(yearPage() + "/kasboek");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.html()).contains("Kasboek " + world.wijk.wijkplatform().name() + " " + YEAR,
                "<caption class=\"utrecht-table__caption\">Boekingen in " + YEAR + "</caption>", "Toewijzing van de gemeente",
                "<td class=\"utrecht-table__cell\">" + euros(entries.get(1).get("availableCents").asLong()) + "</td>",
                "kasboek.csv\"");
        assertThat(first.html()).doesNotContain(euros(1_000_000 + 51 * 100L));
        Matcher next = Pattern.compile("href=\"([^\"]*/kasboek\\?na=[^\"]+)\"").matcher(first.html());
        assertThat(next.find()).isTrue();
        Page second = secretary.get(next.group(1).replace("&amp;", "&"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.html()).contains(euros(1_000_000 + 52 * 100L), "Eerste boekingen").doesNotContain("kasboek?na=");
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">").matcher(second.html());
        while (row.find()) {
            rows.add(row.group());
        }
        assertThat(rows).hasSize(3);

        Page csv = secretary.get("/" + Slugs.of(world.municipality.name()) + "/wijken/" + Slugs.of(world.wijk.name())
                + "/wijkbudget/" + YEAR + "/kasboek.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
    }

    @Test
    void theWrongRoleGetsForbiddenOnEveryPageAndFormAndNothingChanges() {
        String committed = world.grant(world.chair, initiative, 50_000).text("/id");
        String pending = world.grant(world.chair, initiative, 300_000).text("/id");
        JsonNode accountBefore = world.account(YEAR).json();
        int entriesBefore = ledger().size();

        for (Person wrong : List.of(world.neighbour, world.otherChair, world.official)) {
            PortalClient client = signedIn(wrong);
            for (String path : List.of(base(), yearPage(), grantPage(committed), grantPage(pending), yearPage() + "/kasboek")) {
                assertThat(client.get(path).status()).as(path).isEqualTo(403);
            }
            client.get("/werkplek");
            String key = UUID.randomUUID().toString();
            Map<String, Page> posts = Map.of(
                    "propose", client.post(yearPage() + "/toekenningen", Map.of("idempotencyKey", key + "1",
                            "initiativeId", initiative, "amount", "10,00")),
                    "confirm", client.post(grantPage(pending) + "/bevestigen", Map.of("idempotencyKey", key + "2")),
                    "cancel", client.post(grantPage(pending) + "/annuleren", Map.of("idempotencyKey", key + "3")),
                    "payout", client.post(grantPage(committed) + "/uitbetalingen", Map.of("idempotencyKey", key + "4",
                            "payoutAmount", "10,00", "paidOn", LocalDate.now().toString(), "reference", "Factuur")),
                    "release", client.post(grantPage(committed) + "/vrijgaven", Map.of("idempotencyKey", key + "5",
                            "releaseAmount", "10,00", "reason", "Over")));
            posts.forEach((name, answer) -> assertThat(answer.status()).as(name).isEqualTo(403));
        }
        PortalClient admin = signedIn(world.admin);
        admin.get(yearPage());
        assertThat(admin.post(yearPage() + "/toekenningen", Map.of("idempotencyKey", UUID.randomUUID().toString(),
                "initiativeId", initiative, "amount", "10,00")).status()).isEqualTo(403);
        assertThat(admin.post(grantPage(pending) + "/bevestigen", Map.of("idempotencyKey", UUID.randomUUID().toString()))
                .status()).isEqualTo(403);
        assertThat(admin.post(grantPage(committed) + "/uitbetalingen", Map.of("idempotencyKey", UUID.randomUUID().toString(),
                "payoutAmount", "10,00", "paidOn", LocalDate.now().toString(), "reference", "Factuur")).status()).isEqualTo(403);

        assertThat(world.account(YEAR).json()).isEqualTo(accountBefore);
        assertThat(ledger()).hasSize(entriesBefore);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndSignedOutFormsGoToSignIn() {
        PortalClient chair = signedIn(world.chair);
        Page page = chair.get(yearPage());
        Page refused = chair.postRaw(yearPage() + "/toekenningen", Map.of("idempotencyKey", keyOf(page, "/toekenningen"),
                "initiativeId", initiative, "amount", "10,00"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(world.account(YEAR).json().get("grants")).isEmpty();

        PortalClient visitor = new PortalClient(server.getURL().toString());
        visitor.get("/inloggen");
        Page signedOut = visitor.post(yearPage() + "/toekenningen", Map.of("idempotencyKey", keyOf(page, "/toekenningen"),
                "initiativeId", initiative, "amount", "10,00"));
        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(signedOut.header("Location")).startsWith("/inloggen");
        assertThat(world.account(YEAR).json().get("grants")).isEmpty();
    }

    @Test
    void theSameGrantFormPostedTwiceGrantsOnce() {
        PortalClient chair = signedIn(world.chair);
        Page page = chair.get(yearPage());
        Map<String, String> form = Map.of("idempotencyKey", keyOf(page, "/toekenningen"), "initiativeId", initiative,
                "amount", "500,00");

        Page first = chair.post(yearPage() + "/toekenningen", form);
        Page second = chair.post(yearPage() + "/toekenningen", form);

        assertThat(first.status()).isEqualTo(303);
        assertThat(second.status()).isEqualTo(303);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(world.account(YEAR).json().get("grants")).hasSize(1);
        assertThat(world.account(YEAR).json().get("grantedCents").asLong()).isEqualTo(50_000);
        long committedEntries = 0;
        for (JsonNode entry : ledger()) {
            committedEntries += entry.get("type").asText().equals("GRANT_COMMITTED") ? 1 : 0;
        }
        assertThat(committedEntries).isEqualTo(1);

        Map<String, String> changed = new HashMap<>(form);
        changed.put("amount", "600,00");
        assertThat(chair.post(yearPage() + "/toekenningen", changed).status()).isEqualTo(409);
        assertThat(world.account(YEAR).json().get("grants")).hasSize(1);
        Page another = propose(chair, initiative, "500,00");
        assertThat(another.status()).isEqualTo(303);
        assertThat(world.account(YEAR).json().get("grants")).hasSize(2);
    }

    @Test
    void theSamePayoutFormPostedTwicePaysOnce() {
        String grant = world.grant(world.chair, initiative, 100_000).text("/id");
        PortalClient chair = signedIn(world.chair);
        Page page = chair.get(grantPage(grant));
        Map<String, String> form = Map.of("idempotencyKey", keyOf(page, "/uitbetalingen"), "payoutAmount", "300,00",
                "paidOn", LocalDate.now().toString(), "reference", "Factuur 3");

        Page first = chair.post(grantPage(grant) + "/uitbetalingen", form);
        Page second = chair.post(grantPage(grant) + "/uitbetalingen", form);

        assertThat(first.status()).isEqualTo(303);
        assertThat(second.status()).isEqualTo(303);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        JsonNode payouts = api.get("/api/v1/grants/" + grant + "/payouts").token(world.chair.accessToken()).send().json().get("items");
        assertThat(payouts).hasSize(1);
        assertThat(grantOf(grant).get("paidCents").asLong()).isEqualTo(30_000);
        long payoutEntries = 0;
        for (JsonNode entry : ledger()) {
            payoutEntries += entry.get("type").asText().equals("PAYOUT") ? 1 : 0;
        }
        assertThat(payoutEntries).isEqualTo(1);
    }

    @Test
    void aFormThatShowedAnErrorMaySendItsKeyAgain() {
        PortalClient chair = signedIn(world.chair);
        Page page = chair.get(yearPage());
        String key = keyOf(page, "/toekenningen");
        Page wrong = chair.post(yearPage() + "/toekenningen", Map.of("idempotencyKey", key, "initiativeId", initiative,
                "amount", "12,505"));
        assertThat(wrong.status()).isEqualTo(400);
        Page corrected = chair.post(yearPage() + "/toekenningen", Map.of("idempotencyKey", key, "initiativeId", initiative,
                "amount", "12,50"));
        assertThat(corrected.status()).isEqualTo(303);
        assertThat(world.account(YEAR).json().get("grantedCents").asLong()).isEqualTo(1_250);
        Page withoutKey = chair.post(yearPage() + "/toekenningen", Map.of("initiativeId", initiative, "amount", "1,00"));
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(world.account(YEAR).json().get("grants")).hasSize(1);
    }

    @Test
    void theYearPageAndTheLedgerCostAFixedNumberOfStatements() {
        world.grant(world.chair, initiative, 10_000);
        PortalClient secretary = signedIn(world.secretary);
        secretary.get(yearPage());
        statements.reset();
        assertThat(secretary.get(yearPage()).status()).isEqualTo(200);
        int yearForOne = statements.count();
        statements.reset();
        assertThat(secretary.get(yearPage() + "/kasboek").status()).isEqualTo(200);
        int ledgerForOne = statements.count();

        for (int i = 0; i < 3; i++) {
            String another = world.approvedInitiative();
            ok(world.grant(world.chair, another, 10_000 + i));
            ok(world.grant(world.secretary, another, 20_000 + i));
            ok(world.grant(world.chair, another, 250_000 + i));
        }
        statements.reset();
        Page year = secretary.get(yearPage());
        int yearForMany = statements.count();
        statements.reset();
        Page ledger = secretary.get(yearPage() + "/kasboek");
        int ledgerForMany = statements.count();

        assertThat(year.html()).contains(euros(250_002));
        assertThat(ledger.html()).contains(euros(20_002));
        assertThat(yearForMany).as("year page statements: %s", statements.executed().stream().map(StatementCounter.Executed::sql).toList())
                .isEqualTo(yearForOne);
        assertThat(ledgerForMany).isEqualTo(ledgerForOne);
    }
}
