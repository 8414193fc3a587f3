package nl.wijkopmaat.volunteering;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.PortalClient;
import nl.wijkopmaat.support.PortalClient.Page;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisers' volunteering workspace through HTTP as a browser uses it: the wijk's
 * opportunities, a new one and its change, shifts added, changed and cancelled, the sign-ups of a
 * shift and the hours confirmed after it, each checked through the JSON API; form errors beside
 * their fields with what was typed kept and nothing saved; the wrong role refused with 403 on every
 * page and every form, changing nothing.
 */
@MicronautTest(transactional = false)
class VolunteeringWorkspaceTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String BASE = "/werkplek/vrijwilligerswerk";

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    VolunteeringWorld world;

    @BeforeEach
    void world() {
        world = new VolunteeringWorld(api, fixtures);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private PortalClient signedIn(Person person) {
        PortalClient client = new PortalClient(server.getURL().toString());
        client.get("/inloggen");
        Page signedIn = client.post("/inloggen", Map.of("email", person.email(), "password", Fixtures.PASSWORD));
        assertThat(signedIn.status()).isEqualTo(303);
        return client;
    }

    private static LocalDate inTenDays() {
        return LocalDate.now(AMSTERDAM).plusDays(10);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), AMSTERDAM).toInstant();
    }

    private JsonNode opportunity(String id) {
        return ok(api.get("/api/v1/volunteer-opportunities/" + id).send()).json();
    }

    private JsonNode opportunitiesOfWijk() {
        return ok(api.get("/api/v1/volunteer-opportunities").query("wijk", world.wijk.id()).query("limit", 100).send())
                .json().get("items");
    }

    private JsonNode shiftsOf(String opportunity) {
        return ok(api.get("/api/v1/volunteer-opportunities/" + opportunity + "/shifts").query("limit", 100).send())
                .json().get("items");
    }

    private JsonNode signups(String shift) {
        return ok(api.get("/api/v1/shifts/" + shift + "/signups").token(world.chair.accessToken()).send()).json().get("items");
    }

    private static ApiResponse ok(ApiResponse response) {
        VolunteeringWorld.ok(response);
        return response;
    }

    private Map<String, String> shiftForm(String startTime, String endTime, String capacity) {
        return new HashMap<>(Map.of("date", DUTCH_DATE.format(inTenDays()), "startTime", startTime, "endTime", endTime,
                "capacity", capacity, "place", "Buurthuis De Kade"));
    }

    private static String shiftPath(String opportunity, String shift) {
        return BASE + "/" + opportunity + "/diensten/" + shift;
    }

    @Test
    void theWorkspaceIsOfferedToChairsAndOfficialsOnly() {
        assertThat(signedIn(world.chair).get("/werkplek").html())
                .contains("href=\"" + BASE + "\">Vrijwilligerswerk organiseren</a>", world.wijk.name());
        assertThat(signedIn(world.official).get("/werkplek").html()).contains("Vrijwilligerswerk organiseren",
                world.otherWijk.name());
        Person secretary = fixtures.withRole(world.municipality.id(), Role.SECRETARY, world.wijk.wijkplatform().id());
        assertThat(signedIn(secretary).get("/werkplek").html()).as("secretaries organise dialoogtafels, not volunteering")
                .contains("Dialoogtafels organiseren").doesNotContain("Vrijwilligerswerk organiseren");
        assertThat(signedIn(secretary).get(BASE).status()).isEqualTo(403);
        assertThat(signedIn(world.resident()).get("/werkplek").html()).doesNotContain("Vrijwilligerswerk organiseren");
    }

    @Test
    void aChairOffersVolunteeringThroughTheFormAndSeesItInTheList() {
        PortalClient chair = signedIn(world.chair);
        Page form = chair.get(BASE + "/nieuw");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("name=\"title\"", "name=\"description\"", "name=\"wijkId\"", "name=\"buurtId\"",
                "name=\"skills\"", "name=\"minimumAgeNote\"");

        Page created = chair.post(BASE + "/nieuw", Map.of("title", "Boodschappen voor buren", "description",
                "Samen boodschappen doen voor wie dat niet zelf kan.", "wijkId", world.wijk.id().toString(),
                "buurtId", world.wijk.buurten().get(0).id().toString(), "skills", "Fietsen, boodschappen ",
                "minimumAgeNote", "Vanaf 16 jaar"));

        assertThat(created.status()).isEqualTo(303);
        String location = created.header("Location");
        String id = location.substring(BASE.length() + 1, location.indexOf('?'));
        JsonNode shown = opportunity(id);
        assertThat(shown.get("title").asText()).isEqualTo("Boodschappen voor buren");
        assertThat(shown.get("description").asText()).isEqualTo("Samen boodschappen doen voor wie dat niet zelf kan.");
        assertThat(shown.get("buurtId").asText()).isEqualTo(world.wijk.buurten().get(0).id().toString());
        assertThat(shown.get("skills")).extracting(JsonNode::asText).containsExactly("boodschappen", "fietsen");
        assertThat(shown.get("minimumAgeNote").asText()).isEqualTo("Vanaf 16 jaar");
        assertThat(shown.at("/organiser/id").asText()).isEqualTo(world.chair.id().toString());
        assertThat(chair.get(location).html()).contains("Opgeslagen.", "Boodschappen voor buren", "boodschappen, fietsen",
                "href=\"" + BASE + "/" + id + "/diensten/nieuw\"");
        assertThat(chair.get(BASE).html()).contains("href=\"" + BASE + "/" + id + "\">Boodschappen voor buren</a>", "Open");
    }

    @Test
    void aFormWithMistakesShowsEachBesideItsFieldKeepsWhatWasTypedAndSavesNothing() {
        PortalClient chair = signedIn(world.chair);
        chair.get(BASE + "/nieuw");
        int before = opportunitiesOfWijk().size();

        Page refused = chair.post(BASE + "/nieuw", Map.of("title", "Kort", "description", "Iets.", "wijkId",
                world.wijk.id().toString(), "skills", "koken, !!", "minimumAgeNote", "x".repeat(201)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorOf("title")).isEqualTo("moet tussen 5 en 120 tekens of elementen lang zijn");
        assertThat(refused.errorOf("skills")).isEqualTo("heeft niet de juiste vorm");
        assertThat(refused.errorOf("minimumAgeNote")).isEqualTo("moet tussen 0 en 200 tekens of elementen lang zijn");
        assertThat(refused.html()).contains("value=\"Kort\"", "value=\"koken, !!\"", "Iets.");
        assertThat(opportunitiesOfWijk()).hasSize(before);
    }

    @Test
    void theOrganiserChangesTheOpportunityAndClosesIt() {
        String id = world.opportunity();
        PortalClient chair = signedIn(world.chair);
        Page form = chair.get(BASE + "/" + id + "/wijzigen");
        assertThat(form.html()).contains("value=\"" + opportunity(id).get("title").asText() + "\"", "value=\"koken\"",
                "name=\"status\"");

        Page wrong = chair.post(BASE + "/" + id + "/wijzigen", Map.of("title", " ", "description", "Anders.",
                "skills", "koken", "status", "OPEN"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorOf("title")).isEqualTo("moet tussen 5 en 120 tekens of elementen lang zijn");
        assertThat(opportunity(id).get("description").asText()).isEqualTo("Samen koken en eten met de buren.");

        Page changed = chair.post(BASE + "/" + id + "/wijzigen", Map.of("title", "Buurtmaaltijd op vrijdag",
                "description", "Anders.", "skills", "koken, afwassen", "minimumAgeNote", "", "status", "CLOSED"));

        assertThat(changed.status()).isEqualTo(303);
        JsonNode after = opportunity(id);
        assertThat(after.get("title").asText()).isEqualTo("Buurtmaaltijd op vrijdag");
        assertThat(after.get("description").asText()).isEqualTo("Anders.");
        assertThat(after.get("skills")).extracting(JsonNode::asText).containsExactly("afwassen", "koken");
        assertThat(after.get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void shiftsAreAddedChangedAndCancelledThroughTheForms() {
        String id = world.opportunity();
        PortalClient chair = signedIn(world.chair);
        assertThat(chair.get(BASE + "/" + id + "/diensten/nieuw").status()).isEqualTo(200);

        Page wrong = chair.post(BASE + "/" + id + "/diensten/nieuw", shiftForm("14:00", "12:30", "veel"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorOf("capacity")).isEqualTo("vul een heel getal in, zonder komma");
        Page backwards = chair.post(BASE + "/" + id + "/diensten/nieuw", shiftForm("14:00", "12:30", "4"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorOf("endTime")).isEqualTo("moet na het begin liggen");
        assertThat(backwards.html()).contains("value=\"14:00\"", "value=\"12:30\"", "value=\"Buurthuis De Kade\"");
        assertThat(shiftsOf(id)).isEmpty();

        Page added = chair.post(BASE + "/" + id + "/diensten/nieuw", shiftForm("14:00", "16:30", "4"));

        assertThat(added.status()).isEqualTo(303);
        JsonNode shift = shiftsOf(id).get(0);
        String shiftId = shift.get("id").asText();
        assertThat(added.header("Location")).isEqualTo(shiftPath(id, shiftId) + "?opgeslagen=1");
        assertThat(Instant.parse(shift.get("startsAt").asText())).isEqualTo(at(inTenDays(), 14, 0));
        assertThat(Instant.parse(shift.get("endsAt").asText())).isEqualTo(at(inTenDays(), 16, 30));
        assertThat(shift.get("capacity").asInt()).isEqualTo(4);
        assertThat(shift.get("place").asText()).isEqualTo("Buurthuis De Kade");
        assertThat(chair.get(BASE + "/" + id).html()).contains("href=\"" + shiftPath(id, shiftId) + "\"");

        Page form = chair.get(shiftPath(id, shiftId) + "/wijzigen");
        assertThat(form.html()).contains("value=\"" + DUTCH_DATE.format(inTenDays()) + "\"", "value=\"14:00\"", "value=\"4\"");
        Map<String, String> change = shiftForm("15:00", "17:00", "6");
        change.put("place", "Wijkcentrum");
        Page changed = chair.post(shiftPath(id, shiftId) + "/wijzigen", change);
        assertThat(changed.status()).isEqualTo(303);
        JsonNode after = ok(world.shiftOf(shiftId)).json();
        assertThat(Instant.parse(after.get("startsAt").asText())).isEqualTo(at(inTenDays(), 15, 0));
        assertThat(after.get("capacity").asInt()).isEqualTo(6);
        assertThat(after.get("place").asText()).isEqualTo("Wijkcentrum");

        Page cancelled = chair.post(shiftPath(id, shiftId) + "/annuleren", Map.of());
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(ok(world.shiftOf(shiftId)).text("/status")).isEqualTo("CANCELLED");
        assertThat(chair.get(shiftPath(id, shiftId)).html()).contains("Afgelast").doesNotContain("/annuleren\"");
        Page again = chair.post(shiftPath(id, shiftId) + "/annuleren", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.html()).contains("utrecht-alert--error");
    }

    @Test
    void theSignUpsOfAShiftAreListedAndItsHoursConfirmedAfterIt() {
        String id = world.opportunity();
        String shift = world.shift(id, Duration.ofHours(1), 3);
        Person came = world.resident();
        Person stayedAway = world.resident();
        ok(world.signUp(came, shift));
        ok(world.signUp(stayedAway, shift));
        PortalClient chair = signedIn(world.chair);

        Page before = chair.get(shiftPath(id, shift));
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.html()).contains("Vrijwilligers van deze dienst", "1 van 3").doesNotContain("name=\"minutes-");

        clock.advance(Duration.ofHours(3).plusMinutes(1));
        Page after = chair.get(shiftPath(id, shift));
        assertThat(after.html()).contains("name=\"minutes-" + came.id() + "\"", "name=\"noShow-" + stayedAway.id() + "\"",
                "Uren bevestigen");

        Page wrong = chair.post(shiftPath(id, shift) + "/uren", Map.of("minutes-" + came.id(), "100",
                "minutes-" + stayedAway.id(), "", "noShow-" + stayedAway.id(), "true"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorOf("minutes-" + came.id())).isEqualTo("moet een veelvoud van 15 minuten zijn");
        assertThat(wrong.html()).contains("value=\"100\"");
        assertThat(signups(shift)).allSatisfy(signup -> assertThat(signup.get("outcome").isNull()).isTrue());
        Page tooLong = chair.post(shiftPath(id, shift) + "/uren", Map.of("minutes-" + came.id(), "135"));
        assertThat(tooLong.errorOf("minutes-" + came.id())).isEqualTo("mag hoogstens de lengte van de dienst zijn (120 minuten)");
        Page unreadable = chair.post(shiftPath(id, shift) + "/uren", Map.of("minutes-" + came.id(), "1,5"));
        assertThat(unreadable.errorOf("minutes-" + came.id())).isEqualTo("vul een heel getal in, zonder komma");
        assertThat(chair.post(shiftPath(id, shift) + "/uren", Map.of("minutes-" + came.id(), "")).html())
                .contains("Vul bij minstens een vrijwilliger de minuten in");

        Page confirmed = chair.post(shiftPath(id, shift) + "/uren", Map.of("minutes-" + came.id(), "120",
                "minutes-" + stayedAway.id(), "", "noShow-" + stayedAway.id(), "true"));

        assertThat(confirmed.status()).isEqualTo(303);
        JsonNode volunteers = signups(shift);
        assertThat(volunteers.get(0).at("/volunteer/id").asText()).isEqualTo(came.id().toString());
        assertThat(volunteers.get(0).get("outcome").asText()).isEqualTo("PRESENT");
        assertThat(volunteers.get(0).get("minutes").asInt()).isEqualTo(120);
        assertThat(volunteers.get(1).get("outcome").asText()).isEqualTo("NO_SHOW");
        assertThat(chair.get(shiftPath(id, shift)).html()).contains("value=\"120\"", "checked");
        assertThat(chair.get(BASE + "/" + id).html()).contains("120 minuten");

        PortalClient official = signedIn(world.official);
        assertThat(official.get(shiftPath(id, shift)).status()).as("an official runs the opportunity").isEqualTo(200);
        Page notCoordinating = official.post(shiftPath(id, shift) + "/uren", Map.of("minutes-" + came.id(), "60"));
        assertThat(notCoordinating.status()).as("but only its organiser and coordinators confirm hours").isEqualTo(403);
        assertThat(signups(shift).get(0).get("minutes").asInt()).isEqualTo(120);
    }

    @Test
    void aResidentAndTheChairOfAnotherPlatformAreRefusedEveryPageAndEveryFormAndNothingChanges() {
        String id = world.opportunity();
        String upcoming = world.shift(id, Duration.ofDays(2), 3);
        String past = world.shift(id, Duration.ofHours(1), 3);
        Person volunteer = world.resident();
        ok(world.signUp(volunteer, past));
        clock.advance(Duration.ofHours(3).plusMinutes(1));
        int before = opportunitiesOfWijk().size();
        for (Person wrong : List.of(world.resident(), world.otherChair)) {
            PortalClient client = signedIn(wrong);
            // The chair of another platform has a workspace of their own: only this wijk's pages are refused.
            List<String> lists = wrong == world.otherChair ? List.of(BASE + "?wijk=" + world.wijk.id())
                    : List.of(BASE, BASE + "?wijk=" + world.wijk.id(), BASE + "/nieuw");
            for (String path : lists) {
                assertThat(client.get(path).status()).as(path).isEqualTo(403);
            }
            for (String path : List.of(BASE + "/" + id, BASE + "/" + id + "/wijzigen", BASE + "/" + id + "/diensten/nieuw",
                    shiftPath(id, upcoming), shiftPath(id, upcoming) + "/wijzigen", shiftPath(id, past))) {
                assertThat(client.get(path).status()).as(path).isEqualTo(403);
            }
            Map<String, Page> posts = Map.of(
                    "create", client.post(BASE + "/nieuw", Map.of("title", "Een klus van een ander", "description", "",
                            "wijkId", world.wijk.id().toString())),
                    "change", client.post(BASE + "/" + id + "/wijzigen", Map.of("title", "Overgenomen werk",
                            "description", "", "status", "CLOSED")),
                    "addShift", client.post(BASE + "/" + id + "/diensten/nieuw", shiftForm("10:00", "11:00", "2")),
                    "changeShift", client.post(shiftPath(id, upcoming) + "/wijzigen", shiftForm("10:00", "11:00", "9")),
                    "cancelShift", client.post(shiftPath(id, upcoming) + "/annuleren", Map.of()),
                    "hours", client.post(shiftPath(id, past) + "/uren", Map.of("minutes-" + volunteer.id(), "60")));
            posts.forEach((action, page) -> {
                assertThat(page.status()).as(action).isEqualTo(403);
                assertThat(page.html()).as(action).contains("Geen toegang");
            });
        }
        assertThat(opportunitiesOfWijk()).hasSize(before);
        JsonNode opportunity = opportunity(id);
        assertThat(opportunity.get("status").asText()).isEqualTo("OPEN");
        assertThat(opportunity.get("title").asText()).isNotEqualTo("Overgenomen werk");
        assertThat(shiftsOf(id)).hasSize(2);
        JsonNode shift = ok(world.shiftOf(upcoming)).json();
        assertThat(shift.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(shift.get("capacity").asInt()).isEqualTo(3);
        assertThat(signups(past).get(0).get("outcome").isNull()).isTrue();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndAnotherOpportunitysShiftIsNotFound() {
        String id = world.opportunity();
        String other = world.opportunity();
        String shift = world.shift(other, Duration.ofDays(2), 3);
        PortalClient chair = signedIn(world.chair);
        chair.get(BASE + "/nieuw");
        int before = opportunitiesOfWijk().size();

        assertThat(chair.postRaw(BASE + "/nieuw", Map.of("title", "Zonder token aangeboden", "description", "",
                "wijkId", world.wijk.id().toString())).status()).isEqualTo(403);
        assertThat(chair.postRaw(shiftPath(other, shift) + "/annuleren", Map.of("csrfToken", "forged.token")).status())
                .isEqualTo(403);
        assertThat(opportunitiesOfWijk()).hasSize(before);
        assertThat(ok(world.shiftOf(shift)).text("/status")).isEqualTo("SCHEDULED");

        assertThat(chair.get(shiftPath(id, shift)).status()).isEqualTo(404);
        chair.get(BASE + "/" + id);
        assertThat(chair.post(shiftPath(id, shift) + "/annuleren", Map.of()).status()).isEqualTo(404);
        assertThat(ok(world.shiftOf(shift)).text("/status")).isEqualTo("SCHEDULED");
        PortalClient visitor = new PortalClient(server.getURL().toString());
        assertThat(visitor.get(BASE + "/" + id).header("Location")).startsWith("/inloggen?terug=");
    }
}
