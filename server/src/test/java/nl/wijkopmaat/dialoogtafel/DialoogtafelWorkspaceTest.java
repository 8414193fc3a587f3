package nl.wijkopmaat.dialoogtafel;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
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
import java.util.stream.IntStream;

import static nl.wijkopmaat.dialoogtafel.DialoogtafelWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisers' dialoogtafel workspace through HTTP as a browser uses it: the list, a new table, a
 * change, a cancellation, the registrations with the attendance and the report, each checked
 * through the JSON API; form errors beside their fields with what was typed kept and nothing saved;
 * the wrong role refused with 403 on every page and every form, changing nothing.
 */
@MicronautTest(transactional = false)
class DialoogtafelWorkspaceTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String BASE = "/werkplek/dialoogtafels";

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    DialoogtafelWorld world;

    @BeforeEach
    void world() {
        world = new DialoogtafelWorld(api, fixtures);
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

    private Map<String, String> newTable(String title) {
        Map<String, String> form = new HashMap<>();
        form.put("title", title);
        form.put("description", "Over ontmoeten in de wijk.");
        form.put("theme", "EENZAAMHEID");
        form.put("wijkId", world.wijk.id().toString());
        form.put("buurtId", world.wijk.buurten().get(1).id().toString());
        form.put("placeName", "Buurthuis De Kade");
        form.put("placeAddress", "Kade 12, Maassluis");
        form.put("onlineLink", DialoogtafelWorld.LINK);
        form.put("date", DUTCH_DATE.format(inTenDays()));
        form.put("startTime", "19:30");
        form.put("endTime", "21.15");
        form.put("capacity", "14");
        form.put("facilitatorName", "Anouk Visser");
        return form;
    }

    private JsonNode tablesOfWijk() {
        return ok(api.get("/api/v1/dialoogtafels").query("wijk", world.wijk.id()).query("limit", 100).send()).json().get("items");
    }

    private JsonNode organiserView(String table) {
        return ok(world.tableAs(world.chair, table)).json();
    }

    private static String id(Page redirect) {
        String location = redirect.header("Location");
        return location.substring(BASE.length() + 1, location.indexOf('?'));
    }

    @Test
    void theWorkspaceIsOfferedToTheBoardAndOfficialsOnly() {
        assertThat(signedIn(world.chair).get("/werkplek").html()).contains("href=\"" + BASE + "\">Dialoogtafels organiseren</a>",
                world.wijk.name());
        assertThat(signedIn(world.secretary).get("/werkplek").html()).contains("Dialoogtafels organiseren");
        assertThat(signedIn(world.official).get("/werkplek").html()).contains("Dialoogtafels organiseren", world.wijk.name(),
                world.otherWijk.name());
        assertThat(signedIn(world.resident()).get("/werkplek").html()).doesNotContain("Dialoogtafels organiseren");
    }

    @Test
    void theListShowsTheTablesOfTheWijkAndAnOfficialChoosesAmongItsWijken() {
        String table = world.table(Duration.ofDays(3), 12);
        String title = world.table(table).text("/title");

        Page list = signedIn(world.chair).get(BASE);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html()).contains("href=\"" + BASE + "/" + table + "\">" + title + "</a>", "Nog 12 van 12 plaatsen vrij",
                "Gepland", "<caption", "href=\"" + BASE + "/nieuw?wijk=" + world.wijk.id() + "\"").doesNotContain("name=\"wijk\"");
        PortalClient official = signedIn(world.official);
        assertThat(official.get(BASE + "?wijk=" + world.wijk.id()).html()).contains(title, "name=\"wijk\"", world.otherWijk.name());
        assertThat(official.get(BASE + "?wijk=" + world.otherWijk.id()).html()).doesNotContain(title)
                .contains("Er zijn nog geen dialoogtafels in deze periode.");
        PortalClient english = signedIn(world.chair);
        english.setCookie("wom_lang", "en");
        assertThat(english.get(BASE).html()).contains("<html lang=\"en\"", "Organise dialoogtafels", "12 of 12 seats left");
    }

    @Test
    void aChairPlansATableWithEveryFieldAsTypedInDutch() {
        PortalClient chair = signedIn(world.chair);
        Page form = chair.get(BASE + "/nieuw");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("name=\"csrfToken\"", "name=\"theme\"", "name=\"wijkId\"", "name=\"buurtId\"",
                "name=\"placeName\"", "name=\"onlineLink\"", "name=\"date\"", "name=\"startTime\"", "name=\"endTime\"",
                "name=\"capacity\"", "name=\"facilitatorName\"", world.wijk.buurten().get(1).name());

        Page created = chair.post(BASE + "/nieuw", newTable("Samen aan tafel in De Kade"));

        assertThat(created.status()).isEqualTo(303);
        String table = id(created);
        JsonNode shown = organiserView(table);
        assertThat(shown.get("title").asText()).isEqualTo("Samen aan tafel in De Kade");
        assertThat(shown.get("description").asText()).isEqualTo("Over ontmoeten in de wijk.");
        assertThat(shown.get("theme").asText()).isEqualTo("EENZAAMHEID");
        assertThat(shown.get("wijkId").asText()).isEqualTo(world.wijk.id().toString());
        assertThat(shown.get("buurtId").asText()).isEqualTo(world.wijk.buurten().get(1).id().toString());
        assertThat(shown.at("/place/name").asText()).isEqualTo("Buurthuis De Kade");
        assertThat(shown.at("/place/address").asText()).isEqualTo("Kade 12, Maassluis");
        assertThat(shown.get("onlineLink").asText()).isEqualTo(DialoogtafelWorld.LINK);
        assertThat(Instant.parse(shown.get("startsAt").asText())).isEqualTo(at(inTenDays(), 19, 30));
        assertThat(Instant.parse(shown.get("endsAt").asText())).isEqualTo(at(inTenDays(), 21, 15));
        assertThat(shown.get("capacity").asInt()).isEqualTo(14);
        assertThat(shown.get("facilitatorName").asText()).isEqualTo("Anouk Visser");
        Page detail = chair.get(created.header("Location"));
        assertThat(detail.html()).contains("Samen aan tafel in De Kade", "Opgeslagen.", DialoogtafelWorld.LINK,
                "Nog niemand heeft zich aangemeld.");
    }

    @Test
    void aFormWithMistakesShowsEachBesideItsFieldKeepsWhatWasTypedAndSavesNothing() {
        PortalClient chair = signedIn(world.chair);
        chair.get(BASE + "/nieuw");
        int before = tablesOfWijk().size();
        Map<String, String> form = newTable("Kort");
        form.put("date", "31-02-2027");
        form.put("capacity", "12,5");
        form.put("placeName", "");
        form.put("placeAddress", "");
        form.put("onlineLink", "");

        Page refused = chair.post(BASE + "/nieuw", form);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorOf("title")).isEqualTo("moet tussen 5 en 120 tekens of elementen lang zijn");
        assertThat(refused.errorOf("date")).isEqualTo("vul een datum in als dd-mm-jjjj, bijvoorbeeld 14-03-2027");
        assertThat(refused.errorOf("capacity")).isEqualTo("vul een heel getal in, zonder komma");
        assertThat(refused.errorOf("startTime")).as("a time on no date is not told twice").isNull();
        assertThat(refused.html()).contains("value=\"Kort\"", "value=\"31-02-2027\"", "value=\"12,5\"", "value=\"19:30\"",
                "Over ontmoeten in de wijk.", "utrecht-alert--error", "href=\"#date\"");

        Map<String, String> past = newTable("Samen aan tafel in De Kade");
        past.put("date", DUTCH_DATE.format(LocalDate.now(AMSTERDAM).minusDays(1)));
        past.put("endTime", "18:00");
        past.put("placeName", "");
        past.put("placeAddress", "");
        past.put("onlineLink", "");
        Page service = chair.post(BASE + "/nieuw", past);

        assertThat(service.status()).isEqualTo(400);
        assertThat(service.errorOf("startTime")).isEqualTo("moet in de toekomst liggen");
        assertThat(service.errorOf("endTime")).isEqualTo("moet na het begin liggen");
        assertThat(service.errorOf("placeName")).isEqualTo("geef een plaats (naam en adres) of een online link");
        assertThat(service.html()).contains("value=\"Samen aan tafel in De Kade\"", "value=\"18:00\"");

        Map<String, String> halfAPlace = newTable("Samen aan tafel in De Kade");
        halfAPlace.put("placeAddress", "");
        halfAPlace.put("onlineLink", "http://niet-veilig.example.org");
        Page place = chair.post(BASE + "/nieuw", halfAPlace);
        assertThat(place.status()).isEqualTo(400);
        assertThat(place.errorOf("placeAddress")).isEqualTo("mag niet leeg zijn");
        assertThat(place.errorOf("onlineLink")).isEqualTo("heeft niet de juiste vorm");
        assertThat(tablesOfWijk()).hasSize(before);
    }

    @Test
    void anOrganiserChangesATableAndMistakesChangeNothing() {
        String table = world.table(Duration.ofDays(3), 12);
        PortalClient secretary = signedIn(world.secretary);
        Page form = secretary.get(BASE + "/" + table + "/wijzigen");
        JsonNode before = organiserView(table);
        Instant start = Instant.parse(before.get("startsAt").asText());
        String day = DUTCH_DATE.format(start.atZone(AMSTERDAM));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("value=\"" + before.get("title").asText() + "\"", "value=\"" + day + "\"",
                "value=\"12\"", "value=\"" + DialoogtafelWorld.LINK + "\"", "value=\"Anouk Visser\"");

        Map<String, String> wrong = new HashMap<>(Map.of("title", "Een nieuwe titel voor de tafel", "description", "Anders.",
                "date", day, "startTime", "19:00", "endTime", "21:00", "capacity", "0", "placeName", "Wijkcentrum",
                "placeAddress", "Markt 1"));
        Page refused = secretary.post(BASE + "/" + table + "/wijzigen", wrong);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorOf("capacity")).isEqualTo("moet minstens 1 zijn");
        assertThat(refused.html()).contains("value=\"Een nieuwe titel voor de tafel\"", "value=\"Wijkcentrum\"");
        assertThat(organiserView(table).get("title").asText()).isEqualTo(before.get("title").asText());

        wrong.put("capacity", "20");
        Page changed = secretary.post(BASE + "/" + table + "/wijzigen", wrong);

        assertThat(changed.status()).isEqualTo(303);
        assertThat(changed.header("Location")).isEqualTo(BASE + "/" + table + "?opgeslagen=1");
        JsonNode after = organiserView(table);
        assertThat(after.get("title").asText()).isEqualTo("Een nieuwe titel voor de tafel");
        assertThat(after.get("description").asText()).isEqualTo("Anders.");
        assertThat(after.get("capacity").asInt()).isEqualTo(20);
        assertThat(after.at("/place/name").asText()).isEqualTo("Wijkcentrum");
        assertThat(Instant.parse(after.get("startsAt").asText())).isEqualTo(at(start.atZone(AMSTERDAM).toLocalDate(), 19, 0));
        assertThat(after.get("facilitatorName").isNull()).as("the facilitator emptied is removed").isTrue();
    }

    @Test
    void anOfficialCancelsATableWithAReason() {
        String table = world.table(Duration.ofDays(3), 12);
        PortalClient official = signedIn(world.official);
        assertThat(official.get(BASE + "/" + table).html()).contains("href=\"" + BASE + "/" + table + "/afgelasten\"");
        Page form = official.get(BASE + "/" + table + "/afgelasten");
        assertThat(form.status()).isEqualTo(200);

        Page empty = official.post(BASE + "/" + table + "/afgelasten", Map.of("reason", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorOf("reason")).isEqualTo("mag niet leeg zijn");
        assertThat(world.table(table).text("/status")).isEqualTo("SCHEDULED");

        Page cancelled = official.post(BASE + "/" + table + "/afgelasten", Map.of("reason", "De zaal is niet beschikbaar"));

        assertThat(cancelled.status()).isEqualTo(303);
        JsonNode after = world.table(table).json();
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("cancellationReason").asText()).isEqualTo("De zaal is niet beschikbaar");
        assertThat(official.get(BASE + "/" + table).html()).contains("Deze dialoogtafel is afgelast.",
                "Reden: De zaal is niet beschikbaar").doesNotContain("/afgelasten\"");
        Page again = official.post(BASE + "/" + table + "/afgelasten", Map.of("reason", "Nog een keer"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.html()).contains("utrecht-alert--error");
    }

    @Test
    void theRegistrationsAreListedInPagesAndTheAttendanceIsRecordedOnceTheTableStarted() {
        String table = world.table(Duration.ofHours(1), 1);
        Person seated = world.resident();
        Person waiting = world.resident();
        String seatId = ok(world.register(seated, table)).text("/id");
        ok(world.register(waiting, table));
        PortalClient chair = signedIn(world.chair);

        Page before = chair.get(BASE + "/" + table);

        assertThat(before.html()).contains("Heeft een plaats", "Wachtlijst, plaats 1", "Aanmeldingen voor")
                .doesNotContain("name=\"attendance-");
        Page tooEarly = chair.post(BASE + "/" + table + "/aanwezigheid", Map.of("attendance-" + seatId, "PRESENT"));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.html()).contains("utrecht-alert--error");

        clock.advance(Duration.ofMinutes(90));
        Page started = chair.get(BASE + "/" + table);
        assertThat(started.html()).contains("name=\"attendance-" + seatId + "\"", "Aanwezigheid opslaan");
        Page none = chair.post(BASE + "/" + table + "/aanwezigheid", Map.of("attendance-" + seatId, ""));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.html()).contains("Kies bij minstens een deelnemer aanwezig of afwezig.");

        Page recorded = chair.post(BASE + "/" + table + "/aanwezigheid", Map.of("attendance-" + seatId, "PRESENT"));

        assertThat(recorded.status()).isEqualTo(303);
        JsonNode registrations = ok(world.registrations(table)).json().get("items");
        assertThat(registrations.get(0).get("attendance").asText()).isEqualTo("PRESENT");
        assertThat(registrations.get(1).get("attendance").isNull()).isTrue();
        assertThat(chair.get(BASE + "/" + table).html()).contains("<option value=\"PRESENT\" selected>");
    }

    @Test
    void aLongListOfRegistrationsIsPaged() {
        String table = world.table(Duration.ofDays(2), 30);
        IntStream.range(0, 21).forEach(i -> ok(world.register(fixtures.resident(world.municipality.id()), table)));
        PortalClient chair = signedIn(world.chair);

        Page first = chair.get(BASE + "/" + table);

        assertThat(first.html().split("Heeft een plaats", -1)).hasSize(21);
        String next = first.html().replaceAll("(?s).*href=\"(" + BASE + "/" + table + "\\?na=[^\"]+)\">Volgende pagina.*", "$1");
        Page second = chair.get(next.replace("&amp;", "&"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.html().split("Heeft een plaats", -1)).hasSize(2);
        assertThat(second.html()).doesNotContain("Volgende pagina");
    }

    @Test
    void afterTheEndTheReportIsPublishedWithItsActionPoints() {
        String table = world.table(Duration.ofHours(1), 5);
        PortalClient chair = signedIn(world.chair);
        clock.advance(Duration.ofHours(4));
        assertThat(chair.get(BASE + "/" + table).html()).contains("href=\"" + BASE + "/" + table + "/verslag\"");
        Page form = chair.get(BASE + "/" + table + "/verslag");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("name=\"actionPoints[2].text\"");

        Page wrong = chair.post(BASE + "/" + table + "/verslag", Map.of("summary", "Twaalf bewoners spraken.",
                "participantCount", "twaalf", "slots", "3", "actionPoints[1].text", "Kort"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorOf("participantCount")).isEqualTo("vul een heel getal in, zonder komma");
        assertThat(wrong.errorOf("actionPoints[1].text")).isEqualTo("moet tussen 5 en 1000 tekens of elementen lang zijn");
        assertThat(wrong.errorOf("actionPoints[1].takenUpBy")).isEqualTo("mag niet leeg zijn");
        assertThat(wrong.html()).contains("Twaalf bewoners spraken.", "value=\"twaalf\"", "value=\"Kort\"");
        assertThat(api.get("/api/v1/dialoogtafels/" + table + "/report").send().status()).isEqualTo(404);

        Page published = chair.post(BASE + "/" + table + "/verslag", Map.of("summary", "Twaalf bewoners spraken.",
                "participantCount", "12", "slots", "3", "actionPoints[1].text", "Een wekelijkse koffieochtend",
                "actionPoints[1].takenUpBy", "Wijkplatform"));

        assertThat(published.status()).isEqualTo(303);
        JsonNode report = ok(api.get("/api/v1/dialoogtafels/" + table + "/report").send()).json();
        assertThat(report.get("summary").asText()).isEqualTo("Twaalf bewoners spraken.");
        assertThat(report.get("participantCount").asInt()).isEqualTo(12);
        assertThat(report.get("actionPoints")).hasSize(1);
        assertThat(report.at("/actionPoints/0/text").asText()).isEqualTo("Een wekelijkse koffieochtend");
        assertThat(report.at("/actionPoints/0/takenUpBy").asText()).isEqualTo("Wijkplatform");
        String point = report.at("/actionPoints/0/id").asText();
        Page correcting = chair.get(BASE + "/" + table + "/verslag");
        assertThat(correcting.html()).contains("Het verslag is al gepubliceerd.", "value=\"" + point + "\"",
                "value=\"Een wekelijkse koffieochtend\"", "name=\"actionPoints[3].text\"");
    }

    @Test
    void aResidentAndTheChairOfAnotherPlatformAreRefusedEveryPageAndEveryFormAndNothingChanges() {
        String upcoming = world.table(Duration.ofDays(2), 5);
        String running = world.table(Duration.ofMinutes(30), 5);
        String seat = ok(world.register(world.resident(), running)).text("/id");
        clock.advance(Duration.ofMinutes(45));
        int before = tablesOfWijk().size();
        for (Person wrong : List.of(world.resident(), world.otherChair)) {
            PortalClient client = signedIn(wrong);
            // The chair of another platform has a workspace of their own: only this wijk's pages are refused.
            List<String> lists = wrong == world.otherChair ? List.of(BASE + "?wijk=" + world.wijk.id())
                    : List.of(BASE, BASE + "?wijk=" + world.wijk.id(), BASE + "/nieuw");
            for (String path : lists) {
                assertThat(client.get(path).status()).as(path).isEqualTo(403);
            }
            for (String path : List.of(BASE + "/" + upcoming, BASE + "/" + upcoming + "/wijzigen",
                    BASE + "/" + upcoming + "/afgelasten", BASE + "/" + running, BASE + "/" + running + "/verslag")) {
                assertThat(client.get(path).status()).as(path).isEqualTo(403);
            }
            Map<String, String> change = Map.of("title", "Overgenomen tafel", "description", "", "date",
                    DUTCH_DATE.format(inTenDays()), "startTime", "10:00", "endTime", "11:00", "capacity", "3");
            Map<String, Page> posts = Map.of(
                    "create", client.post(BASE + "/nieuw", newTable("Een tafel van een ander")),
                    "change", client.post(BASE + "/" + upcoming + "/wijzigen", change),
                    "cancel", client.post(BASE + "/" + upcoming + "/afgelasten", Map.of("reason", "Zomaar")),
                    "attendance", client.post(BASE + "/" + running + "/aanwezigheid", Map.of("attendance-" + seat, "ABSENT")),
                    "report", client.post(BASE + "/" + running + "/verslag", Map.of("summary", "Niets", "participantCount", "1")));
            posts.forEach((action, page) -> {
                assertThat(page.status()).as(action).isEqualTo(403);
                assertThat(page.html()).as(action).contains("Geen toegang");
            });
        }
        assertThat(tablesOfWijk()).hasSize(before);
        JsonNode table = organiserView(upcoming);
        assertThat(table.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(table.get("capacity").asInt()).isEqualTo(5);
        assertThat(table.get("title").asText()).isNotEqualTo("Overgenomen tafel");
        assertThat(ok(world.registrations(running)).json().at("/items/0/attendance").isNull()).isTrue();
        clock.advance(Duration.ofHours(3));
        assertThat(api.get("/api/v1/dialoogtafels/" + running + "/report").send().status()).isEqualTo(404);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndASignedOutVisitorIsSentToSignIn() {
        String table = world.table(Duration.ofDays(2), 5);
        PortalClient chair = signedIn(world.chair);
        chair.get(BASE + "/nieuw");
        int before = tablesOfWijk().size();

        assertThat(chair.postRaw(BASE + "/nieuw", newTable("Zonder token gepland")).status()).isEqualTo(403);
        Map<String, String> forged = newTable("Met een vals token");
        forged.put("csrfToken", "forged.token");
        assertThat(chair.postRaw(BASE + "/nieuw", forged).status()).isEqualTo(403);
        assertThat(chair.postRaw(BASE + "/" + table + "/afgelasten", Map.of("reason", "Zonder token")).status()).isEqualTo(403);
        assertThat(tablesOfWijk()).hasSize(before);
        assertThat(world.table(table).text("/status")).isEqualTo("SCHEDULED");

        PortalClient visitor = new PortalClient(server.getURL().toString());
        assertThat(visitor.get(BASE).header("Location")).startsWith("/inloggen?terug=");
        assertThat(visitor.get(BASE + "/" + table).header("Location")).startsWith("/inloggen?terug=");
        visitor.get("/inloggen");
        Page redirected = visitor.post(BASE + "/" + table + "/afgelasten", Map.of("reason", "Afgemeld"));
        assertThat(redirected.status()).isEqualTo(303);
        assertThat(redirected.header("Location")).startsWith("/inloggen?terug=");
        assertThat(world.table(table).text("/status")).isEqualTo("SCHEDULED");
    }
}
