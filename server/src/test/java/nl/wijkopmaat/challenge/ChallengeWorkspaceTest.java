package nl.wijkopmaat.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.challenge.ChallengeWorld.Proposal;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Right to Challenge workspaces over HTTP: the chair advises, the official checks eligibility,
 * starts and scores the assessment, records the agreement and evaluates, each checked through the
 * JSON API; forms keep what was typed and show every error beside its field while nothing is saved;
 * a wrong role gets 403 on every page and every form, and a form without its token is refused.
 */
@MicronautTest(transactional = false)
class ChallengeWorkspaceTest {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Api api;
    @Inject
    TestClock clock;

    ChallengeWorld world;
    PortalClient browser;

    @BeforeEach
    void world() {
        world = new ChallengeWorld(api, fixtures);
        browser = new PortalClient(server.getURL().toString());
    }

    private PortalClient signedIn(Person person) {
        PortalClient client = new PortalClient(server.getURL().toString());
        client.get("/inloggen");
        assertThat(client.post("/inloggen", Map.of("email", person.email(), "password", Fixtures.PASSWORD)).status())
                .isEqualTo(303);
        client.get("/werkplek");
        return client;
    }

    private String boardPath() {
        return "/werkplek/wijkplatform/" + world.wijk.wijkplatform().id() + "/uitdagingen";
    }

    private String officialPath() {
        return "/werkplek/gemeente/" + world.municipality.id() + "/uitdagingen";
    }

    private static String proposalPath(String id) {
        return "/werkplek/uitdagingen/" + id;
    }

    private String status(String id) {
        return world.get(world.official, id).text("/status");
    }

    private int stepStatus(String id, String step) {
        return api.get("/api/v1/challenges/" + id + "/" + step).send().status();
    }

    private static Map<String, String> adviceForm() {
        return Map.of("position", "SUPPORT", "motivation", "Het wijkplatform steunt het plan van harte.");
    }

    private static Map<String, String> eligibilityForm() {
        return Map.of("eligible", "true", "reason", "Een gemeentelijke, niet-wettelijke taak.",
                "currentCostCentsPerYear", "24.000,50");
    }

    private static Map<String, String> assessmentForm() {
        Map<String, String> form = new LinkedHashMap<>();
        List<String> criteria = List.of("quality", "cost", "socialValue", "support", "ownership");
        for (int i = 0; i < criteria.size(); i++) {
            form.put("scores." + criteria.get(i) + ".score", String.valueOf(i + 1));
            form.put("scores." + criteria.get(i) + ".motivation", "Motivering " + criteria.get(i));
        }
        form.put("decision", "ACCEPTED");
        form.put("decidingBody", "College van burgemeester en wethouders");
        form.put("decisionDate", LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).minusDays(2).format(DUTCH));
        form.put("decisionMotivation", "Beter en goedkoper.");
        return form;
    }

    private static Map<String, String> agreementForm() {
        LocalDate today = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("taskDescription", "Onderhoud van het groen in het Kerkpark.");
        form.put("budgetCentsPerYear", "17.500,25");
        form.put("startDate", today.format(DUTCH));
        form.put("endDate", today.plusYears(2).format(DUTCH));
        form.put("reportingMoments", today.plusMonths(6).format(DUTCH) + "\n" + today.plusYears(1).toString() + "\n");
        form.put("contactPersons", "Wijkregisseur Kerkplein\nVoorzitter Buurtvereniging");
        return form;
    }

    private static Map<String, String> evaluationForm() {
        return Map.of("outcome", "ADJUST", "summary", "Goed onderhouden, de planning kan beter.");
    }

    private static Map<String, String> with(Map<String, String> form, String field, String value) {
        Map<String, String> changed = new HashMap<>(form);
        changed.put(field, value);
        return changed;
    }

    @Test
    void theWorkspacePageListsTheBoardsAndTheOfficialsWorkspaces() {
        String platform = world.wijk.wijkplatform().name();
        assertThat(signedIn(world.chair).get("/werkplek").html())
                .contains("Right to Challenge " + platform, "href=\"" + boardPath() + "\"");
        assertThat(signedIn(world.secretary).get("/werkplek").html()).contains("href=\"" + boardPath() + "\"");
        assertThat(signedIn(world.official).get("/werkplek").html())
                .contains("Right to Challenge " + world.municipality.name(), "href=\"" + officialPath() + "\"");
        assertThat(signedIn(world.resident()).get("/werkplek").html()).doesNotContain("/uitdagingen\"");
    }

    @Test
    void theChairAdvisesAPlanFromTheQueueWithItsDeadline() {
        Proposal p = world.in("SUBMITTED");
        String title = world.get(world.chair, p.id()).text("/title");
        PortalClient chair = signedIn(world.chair);
        Page queue = chair.get(boardPath());
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.html()).contains(title, "href=\"" + proposalPath(p.id()) + "/advies\"", "<time datetime=\"")
                .doesNotContain("(termijn verstreken)");
        assertThat(chair.get(proposalPath(p.id()) + "/advies").html())
                .contains(title, "name=\"position\"", "name=\"motivation\"", "href=\"/" + Slugs.of(world.municipality.name())
                        + "/uitdagingen/" + p.id() + "\"");

        Page advised = chair.post(proposalPath(p.id()) + "/advies", adviceForm());
        assertThat(advised.status()).isEqualTo(303);
        assertThat(advised.header("Location")).isEqualTo(proposalPath(p.id()) + "/advies");
        JsonNode advice = api.get("/api/v1/challenges/" + p.id() + "/advice").send().json();
        assertThat(advice.get("position").asText()).isEqualTo("SUPPORT");
        assertThat(advice.get("motivation").asText()).isEqualTo("Het wijkplatform steunt het plan van harte.");
        assertThat(status(p.id())).isEqualTo("ADVISED");
        assertThat(chair.get(proposalPath(p.id()) + "/advies").html())
                .contains("Het wijkplatform steunt het voorstel").doesNotContain("name=\"position\"");
        assertThat(chair.get(boardPath()).html()).doesNotContain(title);
    }

    @Test
    void aPlanPastItsAdviceDeadlineIsMarkedOverdue() {
        Proposal p = world.in("SUBMITTED");
        PortalClient chair = signedIn(world.chair);
        clock.advance(Duration.ofDays(29));
        try {
            assertThat(chair.get(boardPath()).html()).contains("(termijn verstreken)");
            assertThat(chair.get(proposalPath(p.id()) + "/advies").html()).contains("(termijn verstreken)");
            PortalClient official = signedIn(world.official);
            assertThat(official.get(officialPath()).html()).contains("(adviestermijn verstreken)");
            assertThat(official.get(proposalPath(p.id())).html()).contains("Beoordeling starten");
        } finally {
            clock.advance(Duration.ofDays(-29));
        }
    }

    @Test
    void anAdviceWithErrorsKeepsWhatWasTypedAndSavesNothing() {
        Proposal p = world.in("SUBMITTED");
        PortalClient chair = signedIn(world.chair);
        Page missing = chair.post(proposalPath(p.id()) + "/advies", Map.of("position", "", "motivation", "Getypte toelichting"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorOf("position")).isEqualTo("is verplicht");
        assertThat(missing.html()).contains("Getypte toelichting");
        Page none = chair.post(proposalPath(p.id()) + "/advies", Map.of("position", "NONE", "motivation", " "));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorOf("position")).isEqualTo("Kies een van de mogelijkheden.");
        assertThat(none.errorOf("motivation")).isEqualTo("mag niet leeg zijn");
        assertThat(stepStatus(p.id(), "advice")).isEqualTo(404);
        assertThat(status(p.id())).isEqualTo("SUBMITTED");
    }

    @Test
    void theSecretaryReadsTheQueueButOnlyTheChairAdvises() {
        Proposal p = world.in("SUBMITTED");
        PortalClient secretary = signedIn(world.secretary);
        assertThat(secretary.get(boardPath()).status()).isEqualTo(200);
        Page page = secretary.get(proposalPath(p.id()) + "/advies");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("De voorzitter van het wijkplatform geeft het advies.").doesNotContain("name=\"position\"");
        assertThat(secretary.post(proposalPath(p.id()) + "/advies", adviceForm()).status()).isEqualTo(403);
        assertThat(status(p.id())).isEqualTo("SUBMITTED");
    }

    @Test
    void theOfficialDecidesEligibilityWithTheCurrentCostInEuros() {
        Proposal p = world.in("INTAKE");
        String title = world.get(world.official, p.id()).text("/title");
        PortalClient official = signedIn(world.official);
        Page queues = official.get(officialPath());
        assertThat(queues.status()).isEqualTo(200);
        assertThat(queues.html()).contains("Wachten op de toets", title, "href=\"" + proposalPath(p.id()) + "\"");
        Page page = official.get(proposalPath(p.id()));
        assertThat(page.html()).contains("name=\"eligible\"", "name=\"reason\"", "name=\"currentCostCentsPerYear\"")
                .doesNotContain("name=\"scores.quality.score\"", "name=\"taskDescription\"");

        Page decided = official.post(proposalPath(p.id()) + "/toets", eligibilityForm());
        assertThat(decided.status()).isEqualTo(303);
        assertThat(decided.header("Location")).isEqualTo(proposalPath(p.id()));
        JsonNode eligibility = api.get("/api/v1/challenges/" + p.id() + "/eligibility").send().json();
        assertThat(eligibility.get("eligible").asBoolean()).isTrue();
        assertThat(eligibility.get("currentCostCentsPerYear").asLong()).isEqualTo(2_400_050L);
        assertThat(eligibility.get("reason").asText()).isEqualTo("Een gemeentelijke, niet-wettelijke taak.");
        assertThat(status(p.id())).isEqualTo("ELIGIBLE");
    }

    @Test
    void anEligibilityWithErrorsShowsThemBesideTheFieldsAndSavesNothing() {
        Proposal p = world.in("INTAKE");
        PortalClient official = signedIn(world.official);
        Page fraction = official.post(proposalPath(p.id()) + "/toets", with(with(eligibilityForm(), "currentCostCentsPerYear", "12,505"),
                "reason", ""));
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.errorOf("currentCostCentsPerYear"))
                .isEqualTo("Vul een bedrag in euro in, met hoogstens twee cijfers achter de komma.");
        assertThat(fraction.errorOf("reason")).isEqualTo("mag niet leeg zijn");
        assertThat(fraction.html()).contains("value=\"12,505\"", "<option value=\"true\" selected>");

        Page refused = official.post(proposalPath(p.id()) + "/toets", with(eligibilityForm(), "eligible", "false"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorOf("currentCostCentsPerYear")).isEqualTo("alleen als het voorstel in aanmerking komt");
        assertThat(refused.html()).contains("Een gemeentelijke, niet-wettelijke taak.");
        assertThat(stepStatus(p.id(), "eligibility")).isEqualTo(404);
        assertThat(status(p.id())).isEqualTo("INTAKE");
    }

    @Test
    void theAssessmentCannotStartDuringTheAdvicePeriodAndStartsOnceAdvised() {
        Proposal submitted = world.in("SUBMITTED");
        PortalClient official = signedIn(world.official);
        assertThat(official.get(proposalPath(submitted.id())).html())
                .contains("wacht op het advies van het wijkplatform").doesNotContain("Beoordeling starten");
        Page early = official.post(proposalPath(submitted.id()) + "/beoordeling-starten", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.html()).contains("De adviestermijn van het wijkplatform loopt nog tot");
        assertThat(status(submitted.id())).isEqualTo("SUBMITTED");

        Proposal advised = world.in("ADVISED");
        Page page = official.get(proposalPath(advised.id()));
        assertThat(page.html()).contains("Het wijkplatform steunt het voorstel", "Beoordeling starten");
        assertThat(official.post(proposalPath(advised.id()) + "/beoordeling-starten", Map.of()).status()).isEqualTo(303);
        assertThat(status(advised.id())).isEqualTo("IN_ASSESSMENT");
    }

    @Test
    void theOfficialScoresEveryCriterionAndRecordsTheDecision() {
        Proposal p = world.in("IN_ASSESSMENT");
        PortalClient official = signedIn(world.official);
        Page page = official.get(proposalPath(p.id()));
        for (String field : assessmentForm().keySet()) {
            assertThat(page.html()).contains("name=\"" + field + "\"");
        }
        Page assessed = official.post(proposalPath(p.id()) + "/beoordeling", assessmentForm());
        assertThat(assessed.status()).as(assessed.html()).isEqualTo(303);
        JsonNode assessment = api.get("/api/v1/challenges/" + p.id() + "/assessment").send().json();
        List<String> criteria = List.of("quality", "cost", "socialValue", "support", "ownership");
        for (int i = 0; i < criteria.size(); i++) {
            JsonNode score = assessment.get("scores").get(criteria.get(i));
            assertThat(score.get("score").asInt()).as(criteria.get(i)).isEqualTo(i + 1);
            assertThat(score.get("motivation").asText()).isEqualTo("Motivering " + criteria.get(i));
        }
        assertThat(assessment.get("decision").asText()).isEqualTo("ACCEPTED");
        assertThat(assessment.get("decidingBody").asText()).isEqualTo("College van burgemeester en wethouders");
        assertThat(assessment.get("decisionDate").asText())
                .isEqualTo(LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).minusDays(2).toString());
        assertThat(status(p.id())).isEqualTo("ACCEPTED");
    }

    @Test
    void anAssessmentWithErrorsKeepsEveryScoreTypedAndSavesNothing() {
        Proposal p = world.in("IN_ASSESSMENT");
        PortalClient official = signedIn(world.official);
        Map<String, String> form = with(with(with(assessmentForm(), "scores.cost.score", ""), "scores.support.motivation", ""),
                "decisionDate", "31-02-2026");
        Page invalid = official.post(proposalPath(p.id()) + "/beoordeling", form);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorOf("scores.cost.score")).isEqualTo("is verplicht");
        assertThat(invalid.errorOf("scores.support.motivation")).isEqualTo("mag niet leeg zijn");
        assertThat(invalid.errorOf("decisionDate")).isEqualTo("Vul een datum in als dd-mm-jjjj.");
        assertThat(invalid.html()).contains("Motivering quality", "value=\"31-02-2026\"", "<option value=\"5\" selected>");

        Page rejected = official.post(proposalPath(p.id()) + "/beoordeling",
                with(with(assessmentForm(), "decision", "REJECTED"), "decisionMotivation", ""));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorOf("decisionMotivation")).isEqualTo("een afwijzing moet gemotiveerd worden");
        assertThat(stepStatus(p.id(), "assessment")).isEqualTo(404);
        assertThat(status(p.id())).isEqualTo("IN_ASSESSMENT");
    }

    @Test
    void theOfficialRecordsTheAgreementInEurosAndItStartsToday() {
        Proposal p = world.in("ACCEPTED");
        PortalClient official = signedIn(world.official);
        assertThat(official.get(officialPath()).html()).contains("Wachten op de overeenkomst", proposalPath(p.id()));
        Page agreed = official.post(proposalPath(p.id()) + "/overeenkomst", agreementForm());
        assertThat(agreed.status()).as(agreed.html()).isEqualTo(303);
        JsonNode agreement = api.get("/api/v1/challenges/" + p.id() + "/agreement").send().json();
        LocalDate today = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME);
        assertThat(agreement.get("budgetCentsPerYear").asLong()).isEqualTo(1_750_025L);
        assertThat(agreement.get("startDate").asText()).isEqualTo(today.toString());
        assertThat(agreement.get("reportingMoments").findValuesAsText("date"))
                .containsExactly(today.plusMonths(6).toString(), today.plusYears(1).toString());
        assertThat(agreement.get("contactPersons").toString()).contains("Wijkregisseur Kerkplein", "Voorzitter Buurtvereniging");
        assertThat(status(p.id())).isEqualTo("IN_EXECUTION");
    }

    @Test
    void anAgreementWithErrorsShowsThemBesideTheFieldsAndSavesNothing() {
        Proposal p = world.in("ACCEPTED");
        PortalClient official = signedIn(world.official);
        Page fraction = official.post(proposalPath(p.id()) + "/overeenkomst", with(agreementForm(), "budgetCentsPerYear", "12,505"));
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.errorOf("budgetCentsPerYear"))
                .isEqualTo("Vul een bedrag in euro in, met hoogstens twee cijfers achter de komma.");
        assertThat(fraction.html()).contains("value=\"12,505\"", "Wijkregisseur Kerkplein");
        String outside = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).plusYears(5).format(DUTCH);
        Page moment = official.post(proposalPath(p.id()) + "/overeenkomst", with(agreementForm(), "reportingMoments", outside));
        assertThat(moment.status()).isEqualTo(400);
        assertThat(moment.errorOf("reportingMoments")).isEqualTo("moet na de begindatum en uiterlijk op de einddatum liggen");
        assertThat(moment.html()).contains(outside);
        Page notADate = official.post(proposalPath(p.id()) + "/overeenkomst", with(agreementForm(), "reportingMoments", "volgend jaar"));
        assertThat(notADate.errorOf("reportingMoments")).contains("\"volgend jaar\" is geen datum");
        assertThat(stepStatus(p.id(), "agreement")).isEqualTo(404);
        assertThat(status(p.id())).isEqualTo("ACCEPTED");
    }

    @Test
    void theOfficialEvaluatesATaskInExecution() {
        Proposal p = world.in("IN_EXECUTION");
        PortalClient official = signedIn(world.official);
        assertThat(official.get(officialPath()).html()).contains("In uitvoering, te evalueren", proposalPath(p.id()));
        Page blank = official.post(proposalPath(p.id()) + "/evaluatie", with(evaluationForm(), "summary", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.errorOf("summary")).isEqualTo("mag niet leeg zijn");
        assertThat(official.post(proposalPath(p.id()) + "/evaluatie", evaluationForm()).status()).isEqualTo(303);
        JsonNode evaluation = api.get("/api/v1/challenges/" + p.id() + "/evaluation").send().json();
        assertThat(evaluation.get("outcome").asText()).isEqualTo("ADJUST");
        assertThat(status(p.id())).isEqualTo("EVALUATED");
    }

    @Test
    void aLongQueueIsPagedWithACursor() {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            Proposal p = world.in("INTAKE");
            titles.add(world.get(world.official, p.id()).text("/title"));
        }
        PortalClient official = signedIn(world.official);
        String path = officialPath();
        Page first = official.get(path);
        Matcher next = Pattern.compile("href=\"" + Pattern.quote(path)
                + "\\?eligibility=([^\"]+)\"").matcher(first.html());
        assertThat(next.find()).as("a link to the next page of the eligibility queue").isTrue();
        assertThat(titles.subList(1, 21)).allSatisfy(title -> assertThat(first.html()).contains(title));
        assertThat(first.html()).doesNotContain(titles.get(0));
        Page second = official.get(path + "?eligibility=" + next.group(1).replace("&amp;", "&"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.html()).contains(titles.get(0)).doesNotContain(titles.get(20));
    }

    @Test
    void theWrongRoleGetsForbiddenOnEveryPageAndEveryFormAndNothingChanges() {
        Proposal submitted = world.in("SUBMITTED");
        Proposal intake = world.in("INTAKE");
        Proposal advised = world.in("ADVISED");
        Proposal assessing = world.in("IN_ASSESSMENT");
        Proposal accepted = world.in("ACCEPTED");
        Proposal executing = world.in("IN_EXECUTION");
        MunicipalityView elsewhere = fixtures.municipality();
        Person otherOfficial = fixtures.withRole(elsewhere.id(), Role.OFFICIAL, elsewhere.id());
        Map<String, Person> outsiders = Map.of("resident", world.resident(), "chair of another platform", world.otherChair,
                "official of another municipality", otherOfficial);
        List<String> pages = List.of(boardPath(), proposalPath(submitted.id()) + "/advies", officialPath(),
                proposalPath(intake.id()), proposalPath(assessing.id()));
        Map<String, Map<String, String>> posts = new LinkedHashMap<>();
        posts.put(proposalPath(submitted.id()) + "/advies", adviceForm());
        posts.put(proposalPath(intake.id()) + "/toets", eligibilityForm());
        posts.put(proposalPath(advised.id()) + "/beoordeling-starten", Map.of());
        posts.put(proposalPath(assessing.id()) + "/beoordeling", assessmentForm());
        posts.put(proposalPath(accepted.id()) + "/overeenkomst", agreementForm());
        posts.put(proposalPath(executing.id()) + "/evaluatie", evaluationForm());
        outsiders.forEach((who, person) -> {
            PortalClient client = signedIn(person);
            for (String path : pages) {
                assertThat(client.get(path).status()).as(who + " GET " + path).isEqualTo(403);
            }
            client.get("/werkplek");
            posts.forEach((path, form) -> assertThat(client.post(path, form).status()).as(who + " POST " + path).isEqualTo(403));
        });
        // The official of this municipality is no board member, and the chair no official.
        PortalClient official = signedIn(world.official);
        assertThat(official.get(boardPath()).status()).isEqualTo(403);
        assertThat(official.get(proposalPath(submitted.id()) + "/advies").status()).isEqualTo(403);
        PortalClient chair = signedIn(world.chair);
        assertThat(chair.get(officialPath()).status()).isEqualTo(403);
        assertThat(chair.get(proposalPath(intake.id())).status()).isEqualTo(403);
        assertThat(chair.post(proposalPath(intake.id()) + "/toets", eligibilityForm()).status()).isEqualTo(403);

        assertThat(status(submitted.id())).isEqualTo("SUBMITTED");
        assertThat(status(intake.id())).isEqualTo("INTAKE");
        assertThat(status(advised.id())).isEqualTo("ADVISED");
        assertThat(status(assessing.id())).isEqualTo("IN_ASSESSMENT");
        assertThat(status(accepted.id())).isEqualTo("ACCEPTED");
        assertThat(status(executing.id())).isEqualTo("IN_EXECUTION");
        assertThat(stepStatus(accepted.id(), "agreement")).isEqualTo(404);
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndASignedOutPersonIsSentToSignIn() {
        Proposal intake = world.in("INTAKE");
        Proposal submitted = world.in("SUBMITTED");
        PortalClient official = signedIn(world.official);
        assertThat(official.postRaw(proposalPath(intake.id()) + "/toets", eligibilityForm()).status()).isEqualTo(403);
        PortalClient chair = signedIn(world.chair);
        assertThat(chair.postRaw(proposalPath(submitted.id()) + "/advies", adviceForm()).status()).isEqualTo(403);
        assertThat(status(intake.id())).isEqualTo("INTAKE");
        assertThat(status(submitted.id())).isEqualTo("SUBMITTED");

        assertThat(browser.get(officialPath()).header("Location")).startsWith("/inloggen?terug=");
        assertThat(browser.get(proposalPath(intake.id())).header("Location")).startsWith("/inloggen?terug=");
        browser.get("/inloggen");
        Page signedOut = browser.post(proposalPath(intake.id()) + "/toets", eligibilityForm());
        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(signedOut.header("Location")).startsWith("/inloggen");
        assertThat(status(intake.id())).isEqualTo("INTAKE");
    }

    @Test
    void theOfficialsPagesSpeakEnglish() {
        Proposal p = world.in("IN_ASSESSMENT");
        PortalClient official = signedIn(world.official);
        official.setCookie("wom_lang", "en");
        assertThat(official.get(officialPath()).html()).contains("Waiting for the assessment");
        assertThat(official.get(proposalPath(p.id())).html()).contains("Score for Quality (1 to 5)", "Record the assessment");
    }
}
