package nl.wijkopmaat.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.challenge.ChallengeWorld.Proposal;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public lists, "mine", and the work queues of officials and chairs. */
@MicronautTest(transactional = false)
class ChallengeOverviewTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    ChallengeWorld world;

    @BeforeEach
    void world() {
        world = new ChallengeWorld(api, fixtures);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everythingButDraftsIsPublicWithFilters() {
        Proposal draft = world.draft();
        Proposal intake = world.in("INTAKE");
        Proposal submitted = world.in("SUBMITTED");
        Map<String, Object> elsewhere = ChallengeWorld.content();
        elsewhere.put("wijkId", world.otherWijk.id().toString());
        String other = ChallengeWorld.created(world.create(draft.contact(), elsewhere));
        assertThat(world.step(draft.contact(), other, "SUBMIT_INTAKE").status()).isEqualTo(201);

        assertThat(ids(api.get("/api/v1/challenges").query("wijk", world.wijk.id()).send()))
                .containsExactly(submitted.id(), intake.id());
        assertThat(ids(api.get("/api/v1/challenges").query("municipality", world.municipality.id()).send()))
                .containsExactly(other, submitted.id(), intake.id());
        assertThat(ids(api.get("/api/v1/challenges").query("municipality", world.municipality.id())
                .query("status", "INTAKE").send())).containsExactly(other, intake.id());
        assertThat(ids(api.get("/api/v1/challenges").query("wijk", world.wijk.id()).query("status", "DRAFT").send()))
                .isEmpty();
        assertThat(ids(api.get("/api/v1/challenges").query("mine", true).token(draft.contact().accessToken()).send()))
                .containsExactly(other, draft.id());
        assertThat(ids(api.get("/api/v1/challenges").query("mine", true).query("status", "DRAFT")
                .token(draft.member().accessToken()).send())).containsExactly(draft.id());
        assertThat(api.get("/api/v1/challenges").query("mine", true).send().status()).isEqualTo(401);
    }

    @Test
    void theListPagesWithACursor() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(0, world.in("INTAKE").id());
        }
        JsonNode first = api.get("/api/v1/challenges").query("wijk", world.wijk.id()).query("limit", 2).send().json();
        assertThat(first.get("items")).hasSize(2);
        ApiResponse second = api.get("/api/v1/challenges").query("wijk", world.wijk.id()).query("limit", 2)
                .query("cursor", first.get("nextCursor").asText()).send();
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second.json()));
        assertThat(all).containsExactlyElementsOf(made);
    }

    @Test
    void officialsSeeWhatWaitsOnThemAndTheChairWhatWaitsForAdvice() {
        Proposal intake = world.in("INTAKE");
        Proposal submitted = world.in("SUBMITTED");
        Proposal advised = world.in("ADVISED");
        Proposal accepted = world.in("ACCEPTED");
        Proposal executing = world.in("IN_EXECUTION");
        LocalDate today = LocalDate.now(ChallengeWorld.MUNICIPAL_TIME);
        Proposal late = world.in("ACCEPTED");
        assertThat(world.agree(world.official, late.id(), today.minusMonths(6), List.of(today.minusMonths(1)))
                .status()).isEqualTo(200);

        assertThat(queue(world.official, "ELIGIBILITY")).contains(intake.id()).doesNotContain(submitted.id());
        assertThat(queue(world.official, "ASSESSMENT")).contains(advised.id()).doesNotContain(submitted.id());
        assertThat(queue(world.official, "AGREEMENT")).contains(accepted.id()).doesNotContain(late.id());
        assertThat(queue(world.official, "OVERDUE_REPORTS")).contains(late.id()).doesNotContain(executing.id());
        assertThat(ids(api.get("/api/v1/challenges").query("awaiting", "ADVICE").query("wijk", world.wijk.id())
                .token(world.chair.accessToken()).send())).contains(submitted.id()).doesNotContain(advised.id());

        clock.advance(Duration.ofDays(29));
        assertThat(queue(world.official, "ASSESSMENT")).contains(submitted.id(), advised.id());
        assertThat(world.report(late.member(), late.id(), today.minusMonths(1)).status()).isEqualTo(201);
        assertThat(queue(world.official, "OVERDUE_REPORTS")).doesNotContain(late.id());
    }

    @Test
    void aQueueIsOnlyForItsRole() {
        Person resident = world.resident();
        assertThat(api.get("/api/v1/challenges").query("awaiting", "ELIGIBILITY").token(resident.accessToken()).send()
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/challenges").query("awaiting", "ADVICE").query("wijk", world.wijk.id())
                .token(world.otherChair.accessToken()).send().status()).isEqualTo(403);
        ApiResponse withoutWijk = api.get("/api/v1/challenges").query("awaiting", "ADVICE")
                .token(world.chair.accessToken()).send();
        assertThat(withoutWijk.status()).isEqualTo(400);
        assertThat(withoutWijk.json().at("/invalidParams/0/name").asText()).isEqualTo("wijk");
        assertThat(api.get("/api/v1/challenges").query("awaiting", "ELIGIBILITY").send().status()).isEqualTo(401);
    }

    private List<String> queue(Person official, String awaiting) {
        return ids(api.get("/api/v1/challenges").query("awaiting", awaiting).query("limit", 100)
                .token(official.accessToken()).send());
    }

    private static List<String> ids(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return ids(response.json());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
