package nl.wijkopmaat.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.challenge.ChallengeWorld.Proposal;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Right to Challenge workspaces in real headless Chromium ({@link PortalBrowser}): the chair opens
 * the board's queue from the workspace page and gives the platform's advice; the official opens the
 * municipality's queues, decides eligibility (after a form error) and scores the assessment. Every
 * page passes axe-core's WCAG 2.1 A and AA rules, the form error included; both queues fit 320 pixels.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChallengeWorkspaceBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    Api api;

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

    private void choose(String field, String label) {
        new Select(browser.driver().findElement(By.id(field))).selectByVisibleText(label);
    }

    @Test
    void theChairAdvisesAndTheOfficialChecksEligibilityAndScoresTheAssessment() {
        ChallengeWorld world = new ChallengeWorld(api, fixtures);
        Proposal submitted = world.in("SUBMITTED");
        Proposal intake = world.in("INTAKE");
        Proposal assessing = world.in("IN_ASSESSMENT");
        String submittedTitle = world.get(world.chair, submitted.id()).text("/title");
        String intakeTitle = world.get(world.official, intake.id()).text("/title");
        String assessingTitle = world.get(world.official, assessing.id()).text("/title");

        browser.signIn(world.chair.email(), Fixtures.PASSWORD);
        browser.open("/werkplek");
        browser.follow("Right to Challenge " + world.wijk.wijkplatform().name());
        assertThat(browser.mainText()).contains(submittedTitle, "Advies van het wijkplatform uiterlijk");
        browser.assertAccessible();
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);
        browser.follow(submittedTitle);
        browser.assertAccessible();
        browser.type("motivation", "Het wijkplatform steunt het plan.");
        browser.submit("Advies geven");
        assertThat(browser.driver().findElement(By.id("position-error")).getText()).isEqualTo("is verplicht");
        assertThat(browser.driver().findElement(By.id("motivation")).getAttribute("value")).isEqualTo("Het wijkplatform steunt het plan.");
        browser.assertAccessible();
        choose("position", "Het wijkplatform steunt het voorstel");
        browser.submit("Advies geven");
        assertThat(browser.mainText()).contains("Het wijkplatform steunt het voorstel", "Het wijkplatform steunt het plan.");
        browser.assertAccessible();
        assertThat(api.get("/api/v1/challenges/" + submitted.id() + "/advice").send().text("/position")).isEqualTo("SUPPORT");

        browser.signIn(world.official.email(), Fixtures.PASSWORD);
        browser.open("/werkplek");
        browser.follow("Right to Challenge " + world.municipality.name());
        assertThat(browser.mainText()).contains("Wachten op de toets", intakeTitle, assessingTitle, submittedTitle);
        browser.assertAccessible();
        assertThat(browser.scrollWidthAt(320)).as("no sideways scrolling at 320 px").isLessThanOrEqualTo(320);
        browser.follow(intakeTitle);
        browser.assertAccessible();
        choose("eligible", "Komt in aanmerking");
        browser.type("reason", "Een gemeentelijke, niet-wettelijke taak.");
        browser.type("currentCostCentsPerYear", "12,505");
        browser.submit("Toets vastleggen");
        assertThat(browser.driver().findElement(By.id("currentCostCentsPerYear-error")).getText())
                .isEqualTo("Vul een bedrag in euro in, met hoogstens twee cijfers achter de komma.");
        browser.assertAccessible();
        browser.type("currentCostCentsPerYear", "24.000,00");
        browser.submit("Toets vastleggen");
        assertThat(browser.mainText()).contains("Komt in aanmerking", "Bij deze status wacht het voorstel niet op de gemeente.");
        browser.assertAccessible();
        JsonNode eligibility = api.get("/api/v1/challenges/" + intake.id() + "/eligibility").send().json();
        assertThat(eligibility.get("currentCostCentsPerYear").asLong()).isEqualTo(2_400_000L);

        browser.open("/werkplek/gemeente/" + world.municipality.id() + "/uitdagingen");
        browser.follow(assessingTitle);
        browser.assertAccessible();
        List<String> criteria = List.of("quality", "cost", "socialValue", "support", "ownership");
        for (String criterion : criteria) {
            choose("scores." + criterion + ".score", "4");
            browser.type("scores." + criterion + ".motivation", "Goed onderbouwd: " + criterion);
        }
        choose("decision", "Samen verder uitwerken");
        browser.type("decidingBody", "College van burgemeester en wethouders");
        browser.type("decisionDate", LocalDate.now(ChallengeWorld.MUNICIPAL_TIME).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        browser.submit("Beoordeling vastleggen");
        assertThat(browser.mainText()).contains("Samen verder uitwerken");
        browser.assertAccessible();
        JsonNode assessment = api.get("/api/v1/challenges/" + assessing.id() + "/assessment").send().json();
        assertThat(assessment.get("decision").asText()).isEqualTo("CO_CREATION");
        for (String criterion : criteria) {
            assertThat(assessment.get("scores").get(criterion).get("score").asInt()).as(criterion).isEqualTo(4);
        }
    }
}
