package nl.wijkopmaat.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.challenge.ChallengeWorld.Proposal;
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
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Right to Challenge pages through HTTP: a proposal with every step the service has for it, the
 * group joined from the page (and refused without changing anything), and the wijk's proposals on
 * the wijk page.
 */
@MicronautTest(transactional = false)
class ChallengePagesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    StatementCounter statements;

    ChallengeWorld world;
    PortalClient browser;

    @BeforeEach
    void world() {
        world = new ChallengeWorld(api, fixtures);
        browser = new PortalClient(server.getURL().toString());
    }

    private String gemeente() {
        return Slugs.of(world.municipality.name());
    }

    private String pagePath(String id) {
        return "/" + gemeente() + "/uitdagingen/" + id;
    }

    private void signIn(PortalClient client, Person person) {
        client.get("/inloggen");
        assertThat(client.post("/inloggen", Map.of("email", person.email(), "password", Fixtures.PASSWORD)).status())
                .isEqualTo(303);
    }

    private JsonNode proposal(String id, Person viewer) {
        return world.get(viewer, id).json();
    }

    private static String euros(long cents) {
        return NumberFormat.getCurrencyInstance(Locale.forLanguageTag("nl-NL")).format(cents / 100.0);
    }

    /** A proposal that went all the way: advised, accepted, agreed, reported on once and evaluated. */
    private Proposal evaluated() {
        Proposal p = world.in("IN_EXECUTION");
        LocalDate firstMoment = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).plusMonths(3);
        assertThat(world.report(p.member(), p.id(), firstMoment).status()).isEqualTo(201);
        assertThat(world.evaluate(world.official, p.id()).status()).isEqualTo(200);
        return p;
    }

    @Test
    void aProposalShowsItsHistoryAndEveryStepAsTheServiceHasThem() {
        Proposal p = evaluated();
        JsonNode detail = proposal(p.id(), p.contact());
        JsonNode history = api.get("/api/v1/challenges/" + p.id() + "/status-changes").query("limit", 100).send().json().get("items");
        JsonNode advice = api.get("/api/v1/challenges/" + p.id() + "/advice").send().json();
        JsonNode assessment = api.get("/api/v1/challenges/" + p.id() + "/assessment").send().json();
        JsonNode eligibility = api.get("/api/v1/challenges/" + p.id() + "/eligibility").send().json();
        JsonNode agreement = api.get("/api/v1/challenges/" + p.id() + "/agreement").send().json();
        JsonNode evaluation = api.get("/api/v1/challenges/" + p.id() + "/evaluation").send().json();

        Page page = browser.get(pagePath(p.id()));

        assertThat(page.status()).isEqualTo(200);
        String html = page.html();
        assertThat(html).contains(detail.get("title").asText(), detail.get("task").asText(), detail.get("groupName").asText(),
                detail.get("plan").asText(), detail.at("/contact/displayName").asText(), "Vereniging",
                euros(detail.get("requestedBudgetCentsPerYear").asLong()) + " per jaar", "2 leden", "Ge\u00ebvalueerd");
        assertThat(history).hasSize(8);
        for (JsonNode change : history) {
            assertThat(html).contains("datetime=\"" + isoOf(change.get("changedAt").asText()));
        }
        assertThat(html).contains("Getoetst: Komt in aanmerking", "Beoordeling gestart: In beoordeling",
                "Uitvoering begonnen: In uitvoering", "De begindatum van de overeenkomst is bereikt.");
        assertThat(html).contains(eligibility.get("reason").asText(),
                euros(eligibility.get("currentCostCentsPerYear").asLong()) + " per jaar");
        assertThat(advice.get("position").asText()).isEqualTo("SUPPORT");
        assertThat(html).contains("Het wijkplatform steunt het voorstel", advice.get("motivation").asText());
        for (String criterion : new String[] {"quality", "cost", "socialValue", "support", "ownership"}) {
            JsonNode score = assessment.at("/scores/" + criterion);
            assertThat(html).contains("<td class=\"utrecht-table__cell\">" + score.get("score").asInt() + " van 5</td><td class=\"utrecht-table__cell\">"
                    + score.get("motivation").asText() + "</td>");
        }
        assertThat(html).contains("<caption class=\"utrecht-table__caption\">Scores per criterium", "scope=\"row\">Kwaliteit</th>",
                "scope=\"row\">Eigenaarschap</th>");
        assertThat(html).contains(assessment.get("decidingBody").asText(), assessment.get("decisionMotivation").asText(), "Aanvaard");
        assertThat(html).contains(agreement.get("taskDescription").asText(), "Wijkregisseur Kerkplein, Voorzitter Buurtvereniging",
                euros(agreement.get("budgetCentsPerYear").asLong()) + " per jaar", "gerapporteerd", "nog geen rapportage");
        assertThat(html).contains("Het park is gemaaid en gesnoeid.", euros(420_050) + " besteed");
        assertThat(html).contains("Doorgaan", evaluation.get("summary").asText());
        assertThat(html).contains("De initiatiefgroep neemt geen nieuwe leden meer aan.").doesNotContain("/deelnemen");
    }

    private static String isoOf(String instant) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(java.time.ZoneId.of("Europe/Amsterdam"))
                .format(java.time.Instant.parse(instant));
    }

    @Test
    void theProposalReadsInEnglishWithTheLanguageCookie() {
        Proposal p = world.in("IN_ASSESSMENT");
        browser.setCookie("wom_lang", "en");

        Page page = browser.get(pagePath(p.id()));

        assertThat(page.html()).contains("<html lang=\"en\"", "Advice of the wijkplatform", "The wijkplatform supports the proposal",
                "Being assessed", "Association").doesNotContain("id=\"beoordeling\"");
    }

    @Test
    void aStepNotTakenYetIsNotShownAndThePageReadsLittle() {
        Proposal intake = world.in("INTAKE");
        Proposal accepted = world.in("ACCEPTED");

        browser.get(pagePath(intake.id()));
        statements.reset();
        Page early = browser.get(pagePath(intake.id()));
        int fewSteps = statements.count();
        Page later = browser.get(pagePath(accepted.id()));

        assertThat(early.status()).isEqualTo(200);
        assertThat(early.html()).contains("Intake ingediend").doesNotContain("id=\"toets\"", "id=\"advies\"",
                "id=\"beoordeling\"", "id=\"overeenkomst\"", "id=\"voortgang\"", "id=\"evaluatie\"");
        assertThat(fewSteps).isLessThanOrEqualTo(12);
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.html()).contains("id=\"toets\"", "id=\"advies\"", "id=\"beoordeling\"")
                .doesNotContain("id=\"overeenkomst\"", "id=\"voortgang\"", "id=\"evaluatie\"");
    }

    @Test
    void anAgreementNotStartedYetIsShownOnTheAcceptedProposal() {
        Proposal p = world.in("ACCEPTED");
        LocalDate start = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).plusMonths(1);
        assertThat(world.agree(world.official, p.id(), start, java.util.List.of(start.plusMonths(3))).status()).isEqualTo(200);

        Page page = browser.get(pagePath(p.id()));

        assertThat(page.html()).contains("id=\"overeenkomst\"", "Onderhoud van het groen in het Kerkpark", "Aanvaard")
                .doesNotContain("id=\"voortgang\"");
    }

    @Test
    void aResidentJoinsTheGroupFromThePage() {
        Proposal p = world.in("ELIGIBLE");
        Person resident = world.resident();
        signIn(browser, resident);
        assertThat(browser.get(pagePath(p.id())).html()).contains("Ik doe mee", "action=\"" + pagePath(p.id()) + "/deelnemen\"");

        Page joined = browser.post(pagePath(p.id()) + "/deelnemen", Map.of());

        assertThat(joined.status()).isEqualTo(303);
        assertThat(joined.header("Location")).isEqualTo(pagePath(p.id()) + "#groep");
        JsonNode seen = proposal(p.id(), resident);
        assertThat(seen.get("myRole").asText()).isEqualTo("MEMBER");
        assertThat(seen.get("memberCount").asInt()).isEqualTo(3);
        assertThat(browser.get(pagePath(p.id())).html()).contains("U bent lid van deze initiatiefgroep.", "3 leden")
                .doesNotContain("Ik doe mee");
    }

    @Test
    void aSecondJoinIsRefusedOnThePageAndChangesNothing() {
        Proposal p = world.in("SUBMITTED");
        signIn(browser, p.member());
        browser.get(pagePath(p.id()));

        Page refused = browser.post(pagePath(p.id()) + "/deelnemen", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html()).contains("role=\"alert\"", "U bent al lid van deze initiatiefgroep.");
        assertThat(proposal(p.id(), p.member()).get("memberCount").asInt()).isEqualTo(2);
    }

    @Test
    void joiningAClosedProposalIsRefusedWithTheReasonAndChangesNothing() {
        Proposal p = world.in("NOT_ELIGIBLE");
        Person resident = world.resident();
        signIn(browser, resident);
        assertThat(browser.get(pagePath(p.id())).html()).doesNotContain("Ik doe mee");

        Page refused = browser.post(pagePath(p.id()) + "/deelnemen", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html()).contains("role=\"alert\"", "Bij een voorstel met status NOT_ELIGIBLE kan de stap JOIN niet.");
        JsonNode seen = proposal(p.id(), resident);
        assertThat(seen.get("memberCount").asInt()).isEqualTo(2);
        assertThat(seen.get("myRole").isNull()).isTrue();
    }

    @Test
    void aResidentOfAnotherMunicipalityIsRefusedAndChangesNothing() {
        Proposal p = world.in("ELIGIBLE");
        Person outsider = fixtures.resident(fixtures.municipality().id());
        signIn(browser, outsider);
        browser.get(pagePath(p.id()));

        Page refused = browser.post(pagePath(p.id()) + "/deelnemen", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).contains("role=\"alert\"", "Je doet mee in de gemeente waar je geregistreerd bent.");
        assertThat(proposal(p.id(), p.contact()).get("memberCount").asInt()).isEqualTo(2);
    }

    @Test
    void aJoinWithoutItsFormTokenIsRefusedWith403() {
        Proposal p = world.in("ELIGIBLE");
        Person resident = world.resident();
        signIn(browser, resident);
        browser.get(pagePath(p.id()));

        Page refused = browser.postRaw(pagePath(p.id()) + "/deelnemen", Map.of("groep", "ja"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(proposal(p.id(), resident).get("memberCount").asInt()).isEqualTo(2);
        assertThat(proposal(p.id(), resident).get("myRole").isNull()).isTrue();
    }

    @Test
    void aSignedOutVisitorIsSentToSignInToJoin() {
        Proposal p = world.in("ELIGIBLE");
        Page page = browser.get(pagePath(p.id()));
        assertThat(page.html()).contains("href=\"/inloggen?terug=" + pagePath(p.id()) + "\"", "Log in om mee te doen")
                .doesNotContain("Ik doe mee");

        browser.get("/inloggen");
        Page redirected = browser.post(pagePath(p.id()) + "/deelnemen", Map.of());

        assertThat(redirected.status()).isEqualTo(303);
        assertThat(redirected.header("Location")).startsWith("/inloggen?terug=");
        assertThat(proposal(p.id(), p.contact()).get("memberCount").asInt()).isEqualTo(2);
    }

    @Test
    void theWijkPageListsThePublicProposalsAndADraftIsNotShown() {
        Proposal listed = world.in("SUBMITTED");
        Proposal draft = world.in("DRAFT");
        String listedTitle = proposal(listed.id(), listed.contact()).get("title").asText();
        String draftTitle = proposal(draft.id(), draft.contact()).get("title").asText();

        Page wijk = browser.get("/" + gemeente() + "/wijken/" + Slugs.of(world.wijk.name()));

        assertThat(wijk.status()).isEqualTo(200);
        assertThat(wijk.html()).contains("id=\"uitdagingen-heading\"", "href=\"" + pagePath(listed.id()) + "\"", listedTitle,
                "Plan ingediend", "Buurtvereniging Kerkpark").doesNotContain(draftTitle);
        assertThat(browser.get(pagePath(draft.id())).status()).isEqualTo(404);
    }
}
