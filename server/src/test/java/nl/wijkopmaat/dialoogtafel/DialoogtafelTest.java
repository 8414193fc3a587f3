package nl.wijkopmaat.dialoogtafel;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.notification.Mails;
import nl.wijkopmaat.notification.Outbox;
import nl.wijkopmaat.notification.Reminders;
import nl.wijkopmaat.notification.Reminders.Pending;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.FakeFcm;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.Mailbox;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.wijkopmaat.dialoogtafel.DialoogtafelWorld.created;
import static nl.wijkopmaat.dialoogtafel.DialoogtafelWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

@MicronautTest(transactional = false)
class DialoogtafelTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    Reminders reminders;
    @Inject
    Outbox outbox;
    @Inject
    FakeFcm fcm;
    @Inject
    DialoogtafelAnnouncer announcer;
    @Inject
    Mails mails;
    @Inject
    Mailbox mailbox;

    DialoogtafelWorld world;

    @BeforeEach
    void world() {
        world = new DialoogtafelWorld(api, fixtures);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theBoardOfTheWijksPlatformOrAnOfficialSchedulesAndEveryoneReadsIt() {
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
        ApiResponse created = world.create(world.chair, world.content(start, start.plus(Duration.ofHours(2)), 12));
        String id = created(created);
        assertThat(created.text("/status")).isEqualTo("SCHEDULED");
        assertThat(created.json().get("organisedByMe").asBoolean()).isTrue();
        assertThat(created.text("/onlineLink")).isEqualTo(DialoogtafelWorld.LINK);
        created(world.create(world.secretary, world.content(start, start.plus(Duration.ofHours(1)), 5)));
        created(world.create(world.official, world.content(start, start.plus(Duration.ofHours(1)), 500)));
        assertThat(world.create(world.resident(), world.content(start, start.plus(Duration.ofHours(1)), 5)).status())
                .isEqualTo(403);
        assertThat(world.create(world.otherChair, world.content(start, start.plus(Duration.ofHours(1)), 5)).status())
                .isEqualTo(403);

        JsonNode anonymous = world.table(id).json();
        assertThat(anonymous.get("seatsLeft").asInt()).isEqualTo(12);
        assertThat(anonymous.get("waitlistLength").asInt()).isZero();
        assertThat(anonymous.get("myRegistration").isNull()).isTrue();
        assertThat(anonymous.get("online").asBoolean()).isTrue();
        assertThat(anonymous.get("onlineLink").isNull()).isTrue();
        assertThat(anonymous.at("/place/name").asText()).isEqualTo("Buurthuis De Kade");
        assertThat(anonymous.at("/createdBy/id").asText()).isEqualTo(world.chair.id().toString());
    }

    @Test
    void badInputNamesEveryWrongFieldAtOnce() {
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> past = world.content(Instant.now().minus(Duration.ofHours(1)), Instant.now().minus(Duration.ofHours(2)), 5);
        past.remove("place");
        past.remove("onlineLink");
        assertInvalid(world.create(world.chair, past), "startsAt", "endsAt", "place");

        Map<String, Object> tooMany = world.content(start, start.plus(Duration.ofHours(1)), 501);
        tooMany.put("onlineLink", "http://niet veilig");
        tooMany.put("title", "abc");
        ApiResponse response = api.post("/api/v1/dialoogtafels").token(world.chair.accessToken()).invalidInput()
                .json(tooMany).send();
        assertInvalid(response, "capacity", "onlineLink", "title");
        Map<String, Object> none = world.content(start, start.plus(Duration.ofHours(1)), 0);
        assertInvalid(api.post("/api/v1/dialoogtafels").token(world.chair.accessToken()).invalidInput().json(none).send(),
                "capacity");
    }

    @Test
    void theListIsSoonestFirstFromNowAndFiltersByWijkBuurtThemeAndTime() {
        Instant soon = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        String later = created(world.create(world.chair, world.content(soon.plus(Duration.ofDays(2)),
                soon.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)), 5)));
        String first = created(world.create(world.chair, world.content(soon, soon.plus(Duration.ofHours(1)), 5)));
        var inBuurt = world.content(soon.plus(Duration.ofDays(1)), soon.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)), 5);
        inBuurt.put("buurtId", world.wijk.buurten().get(1).id().toString());
        inBuurt.put("theme", "GROEN");
        String buurt = created(world.create(world.chair, inBuurt));

        assertThat(ids(api.get("/api/v1/dialoogtafels").query("wijk", world.wijk.id()).send()))
                .containsExactly(first, buurt, later);
        assertThat(ids(api.get("/api/v1/dialoogtafels").query("buurt", world.wijk.buurten().get(1).id()).send()))
                .containsExactly(buurt);
        assertThat(ids(api.get("/api/v1/dialoogtafels").query("wijk", world.wijk.id()).query("theme", "GROEN").send()))
                .containsExactly(buurt);
        assertThat(ids(api.get("/api/v1/dialoogtafels").query("wijk", world.wijk.id())
                .query("from", soon.plus(Duration.ofHours(1)).toString())
                .query("to", soon.plus(Duration.ofDays(2)).toString()).send())).containsExactly(buurt);
        assertThat(ids(api.get("/api/v1/dialoogtafels").query("wijk", world.otherWijk.id()).send())).isEmpty();
        ApiResponse paged = api.get("/api/v1/dialoogtafels").query("wijk", world.wijk.id()).query("limit", 2).send();
        assertThat(ids(paged)).containsExactly(first, buurt);
        assertThat(ids(api.get("/api/v1/dialoogtafels").query("wijk", world.wijk.id()).query("limit", 2)
                .query("cursor", paged.text("/nextCursor")).send())).containsExactly(later);

        clock.advance(Duration.ofDays(2));
        assertThat(ids(api.get("/api/v1/dialoogtafels").query("wijk", world.wijk.id()).send())).containsExactly(later);
        assertThat(world.table(first).text("/status")).isEqualTo("HELD");
    }

    @Test
    void seatsWhileFreeThenTheWaitingListInArrivalOrderAndRegisteringTwiceIsTheSameRegistration() {
        String table = world.table(Duration.ofDays(3), 2);
        Person first = world.resident();
        Person second = world.resident();
        Person third = world.resident();
        Person fourth = world.resident();

        ApiResponse seat = world.register(first, table);
        assertThat(seat.status()).isEqualTo(201);
        assertThat(seat.text("/status")).isEqualTo("CONFIRMED");
        ApiResponse again = world.register(first, table);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("/id")).isEqualTo(seat.text("/id"));
        ok(world.register(second, table));
        ApiResponse waiting = world.register(third, table);
        assertThat(waiting.text("/status")).isEqualTo("WAITLISTED");
        assertThat(waiting.json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(world.register(fourth, table).json().get("waitlistPosition").asInt()).isEqualTo(2);
        assertThat(world.register(third, table).json().get("waitlistPosition").asInt()).isEqualTo(1);

        JsonNode mine = world.tableAs(first, table).json();
        assertThat(mine.at("/myRegistration/status").asText()).isEqualTo("CONFIRMED");
        assertThat(mine.get("onlineLink").asText()).isEqualTo(DialoogtafelWorld.LINK);
        assertThat(mine.get("seatsLeft").asInt()).isZero();
        assertThat(mine.get("waitlistLength").asInt()).isEqualTo(2);
        JsonNode theirs = world.tableAs(fourth, table).json();
        assertThat(theirs.at("/myRegistration/waitlistPosition").asInt()).isEqualTo(2);
        assertThat(theirs.get("onlineLink").isNull()).as("not for the waiting list").isTrue();
        assertThat(world.tableAs(world.secretary, table).text("/onlineLink")).isEqualTo(DialoogtafelWorld.LINK);

        assertThat(world.registrations(table).json().get("items"))
                .extracting(r -> r.at("/participant/id").asText(), r -> r.get("status").asText())
                .containsExactly(tuple(first.id().toString(), "CONFIRMED"), tuple(second.id().toString(), "CONFIRMED"),
                        tuple(third.id().toString(), "WAITLISTED"), tuple(fourth.id().toString(), "WAITLISTED"));
        assertThat(api.get("/api/v1/dialoogtafels/" + table + "/registrations").token(first.accessToken()).send().status())
                .isEqualTo(403);

        assertThat(world.unregister(third, table).status()).isEqualTo(204);
        assertThat(world.tableAs(fourth, table).json().at("/myRegistration/waitlistPosition").asInt()).isEqualTo(1);
        assertThat(world.unregister(third, table).status()).isEqualTo(404);
    }

    @Test
    void cancellingASeatPromotesTheFirstOfTheWaitingListWhoGetsExactlyOnePush() {
        clock.setToMiddayInAmsterdam();
        String table = world.table(Duration.ofDays(3), 1);
        Person holder = world.resident();
        Person next = world.resident();
        Person after = world.resident();
        ok(world.register(holder, table));
        ok(world.register(next, table));
        ok(world.register(after, table));
        String phone = world.registerDevice(next);
        String otherPhone = world.registerDevice(after);
        outbox.drain();

        assertThat(world.unregister(holder, table).status()).isEqualTo(204);
        outbox.drain();
        outbox.drain();

        JsonNode promoted = world.tableAs(next, table).json().get("myRegistration");
        assertThat(promoted.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(promoted.get("waitlistPosition").isNull()).isTrue();
        assertThat(world.tableAs(after, table).json().at("/myRegistration/waitlistPosition").asInt()).isEqualTo(1);
        assertThat(fcm.sentTo(phone)).hasSize(1);
        assertThat(fcm.sentTo(phone).get(0).message().at("/data/kind").asText()).isEqualTo("DIALOOGTAFEL_PROMOTED");
        assertThat(fcm.sentTo(otherPhone)).isEmpty();
        assertThat(reminders.pending("dialoogtafel:" + table + ":reminder")).extracting(Pending::recipient)
                .containsExactly(next.id());
    }

    @Test
    void noRegistrationAfterTheStartOrOnACancelledTable() {
        String started = world.table(Duration.ofHours(1), 5);
        Person resident = world.resident();
        ok(world.register(resident, started));
        clock.advance(Duration.ofMinutes(90));
        ApiResponse late = world.register(world.resident(), started);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("/type")).endsWith("problem-conflict-dialoogtafel-register");
        assertThat(world.register(resident, started).status()).as("the registration one has").isEqualTo(200);
        assertThat(world.unregister(resident, started).status()).isEqualTo(409);
        clock.reset();

        String cancelled = world.table(Duration.ofDays(2), 5);
        assertInvalid(api.post("/api/v1/dialoogtafels/" + cancelled + "/cancellation").token(world.chair.accessToken())
                .invalidInput().json(Map.of("reason", "")).send(), "reason");
        assertThat(api.post("/api/v1/dialoogtafels/" + cancelled + "/cancellation").token(world.resident().accessToken())
                .json(Map.of("reason", "Geen zin")).send().status()).isEqualTo(403);
        ApiResponse cancellation = api.post("/api/v1/dialoogtafels/" + cancelled + "/cancellation")
                .token(world.official.accessToken()).json(Map.of("reason", "De gespreksleider is ziek.")).send();
        assertThat(cancellation.status()).isEqualTo(200);
        assertThat(cancellation.text("/status")).isEqualTo("CANCELLED");
        assertThat(cancellation.text("/cancellationReason")).isEqualTo("De gespreksleider is ziek.");
        assertThat(world.register(world.resident(), cancelled).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/dialoogtafels/" + cancelled + "/cancellation").token(world.chair.accessToken())
                .json(Map.of("reason", "Nogmaals")).send().status()).isEqualTo(409);
    }

    @Test
    void aCapacityBelowTheSeatsTakenIsRefusedAndARaiseFillsFromTheWaitingList() {
        String table = world.table(Duration.ofDays(3), 2);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Person person = world.resident();
            people.add(person);
            ok(world.register(person, table));
        }

        ApiResponse lower = api.patch("/api/v1/dialoogtafels/" + table).token(world.chair.accessToken())
                .json(Map.of("capacity", 1)).send();
        assertThat(lower.status()).isEqualTo(409);
        assertThat(lower.text("/type")).endsWith("problem-conflict-dialoogtafel-capacity");
        assertThat(api.patch("/api/v1/dialoogtafels/" + table).token(world.resident().accessToken())
                .json(Map.of("capacity", 10)).send().status()).isEqualTo(403);

        ApiResponse raised = api.patch("/api/v1/dialoogtafels/" + table).token(world.secretary.accessToken())
                .json(Map.of("capacity", 4)).send();
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertThat(raised.json().get("seatsLeft").asInt()).isZero();
        assertThat(raised.json().get("waitlistLength").asInt()).isEqualTo(1);
        assertThat(world.registrations(table).json().get("items"))
                .extracting(r -> r.get("status").asText(), r -> r.get("waitlistPosition").asInt())
                .containsExactly(tuple("CONFIRMED", 0), tuple("CONFIRMED", 0), tuple("CONFIRMED", 0),
                        tuple("CONFIRMED", 0), tuple("WAITLISTED", 1));
        assertThat(kinds(people.get(2))).contains("DIALOOGTAFEL_PROMOTED");
        assertThat(kinds(people.get(3))).contains("DIALOOGTAFEL_PROMOTED");
        assertThat(kinds(people.get(4))).doesNotContain("DIALOOGTAFEL_PROMOTED");
    }

    @Test
    void aReminderAtSixTheEveningBeforeMovesWithTheTableAndIsWithdrawnWithTheRegistration() {
        LocalDate day = LocalDate.now(AMSTERDAM).plusDays(3);
        Instant start = ZonedDateTime.of(day, LocalTime.of(10, 0), AMSTERDAM).toInstant();
        String table = created(world.create(world.chair, world.content(start, start.plus(Duration.ofHours(2)), 2)));
        Person participant = world.resident();
        Person leaver = world.resident();
        Person waiting = world.resident();
        String keys = "dialoogtafel:" + table + ":reminder";

        ok(world.register(participant, table));
        ok(world.register(leaver, table));
        ok(world.register(waiting, table));
        ok(world.unregister(waiting, table));
        ok(world.register(waiting, table));
        assertThat(reminders.pending(keys)).extracting(Pending::recipient, Pending::dueAt, Pending::kind)
                .containsExactlyInAnyOrder(
                        tuple(participant.id(), eveningBefore(day), "DIALOOGTAFEL_REMINDER"),
                        tuple(leaver.id(), eveningBefore(day), "DIALOOGTAFEL_REMINDER"));

        ok(world.unregister(leaver, table));
        assertThat(reminders.pending(keys)).extracting(Pending::recipient)
                .containsExactlyInAnyOrder(participant.id(), waiting.id());

        Instant later = start.plus(Duration.ofDays(1));
        ok(api.patch("/api/v1/dialoogtafels/" + table).token(world.chair.accessToken())
                .json(Map.of("startsAt", later.toString(), "endsAt", later.plus(Duration.ofHours(2)).toString())).send());
        assertThat(reminders.pending(keys)).extracting(Pending::dueAt).containsOnly(eveningBefore(day.plusDays(1)));
        assertThat(kinds(participant)).contains("DIALOOGTAFEL_CHANGED");

        clock.setTo(eveningBefore(day.plusDays(1)).plusSeconds(60));
        reminders.releaseDue();
        assertThat(kinds(participant)).contains("DIALOOGTAFEL_REMINDER");
        assertThat(reminders.pending(keys)).isEmpty();
    }

    @Test
    void aSeatTakenAfterSixTheEveningBeforeIsRemindedAtOnceAndACancelledTableWithdrawsEveryReminder() {
        LocalDate today = LocalDate.now(AMSTERDAM);
        clock.setTo(ZonedDateTime.of(today, LocalTime.of(19, 0), AMSTERDAM).toInstant());
        Instant tomorrow = ZonedDateTime.of(today.plusDays(1), LocalTime.of(10, 0), AMSTERDAM).toInstant();
        String table = created(world.create(world.chair, world.content(tomorrow, tomorrow.plus(Duration.ofHours(2)), 5)));
        Person participant = world.resident();
        Person waiting = world.resident();
        String keys = "dialoogtafel:" + table + ":reminder";

        ok(world.register(participant, table));
        assertThat(reminders.pending(keys)).extracting(Pending::dueAt).containsExactly(clock.instant());
        ok(world.register(world.resident(), table));
        ok(api.post("/api/v1/dialoogtafels/" + table + "/cancellation").token(world.chair.accessToken())
                .json(Map.of("reason", "Het buurthuis is dicht.")).send());
        assertThat(reminders.pending(keys)).isEmpty();
        assertThat(kinds(participant)).contains("DIALOOGTAFEL_CANCELLED");
        assertThat(world.register(waiting, table).status()).isEqualTo(409);
    }

    @Test
    void aNewTimeOrPlaceIsToldToEveryoneRegisteredAndATitleIsNot() {
        String table = world.table(Duration.ofDays(3), 1);
        Person participant = world.resident();
        Person waiting = world.resident();
        ok(world.register(participant, table));
        ok(world.register(waiting, table));

        ok(api.patch("/api/v1/dialoogtafels/" + table).token(world.chair.accessToken())
                .json(Map.of("title", "Een nieuwe titel voor de tafel")).send());
        assertThat(kinds(participant)).doesNotContain("DIALOOGTAFEL_CHANGED");
        ApiResponse moved = api.patch("/api/v1/dialoogtafels/" + table).token(world.chair.accessToken())
                .json(Map.of("place", Map.of("name", "Bibliotheek", "address", "Markt 1, Maassluis"))).send();
        assertThat(moved.text("/place/name")).isEqualTo("Bibliotheek");
        assertThat(kinds(participant)).containsOnlyOnce("DIALOOGTAFEL_CHANGED");
        assertThat(kinds(waiting)).containsOnlyOnce("DIALOOGTAFEL_CHANGED");
        assertInvalid(api.patch("/api/v1/dialoogtafels/" + table).token(world.chair.accessToken())
                .json(Map.of("endsAt", Instant.now().toString())).send(), "endsAt");
    }

    @Test
    void attendanceAfterTheStartThenTheReportWhoseActionPointBecomesADraftInitiative() {
        String table = world.table(Duration.ofHours(1), 2);
        Person present = world.resident();
        Person absent = world.resident();
        Person waiting = world.resident();
        String presentId = world.register(present, table).text("/id");
        String absentId = world.register(absent, table).text("/id");
        String waitingId = world.register(waiting, table).text("/id");
        String attendance = "/api/v1/dialoogtafels/" + table + "/attendance";
        Map<String, Object> record = Map.of("registrations", List.of(
                Map.of("registrationId", presentId, "attendance", "PRESENT"),
                Map.of("registrationId", absentId, "attendance", "ABSENT")));
        assertThat(api.put(attendance).token(world.chair.accessToken()).json(record).send().status()).isEqualTo(409);

        clock.advance(Duration.ofMinutes(90));
        assertInvalid(api.put(attendance).token(world.chair.accessToken()).json(Map.of("registrations", List.of(
                Map.of("registrationId", waitingId, "attendance", "PRESENT"),
                Map.of("registrationId", presentId, "attendance", "PRESENT"),
                Map.of("registrationId", presentId, "attendance", "ABSENT")))).send(),
                "registrations[0].registrationId", "registrations[2].registrationId");
        assertThat(api.put(attendance).token(present.accessToken()).json(record).send().status()).isEqualTo(403);
        ApiResponse recorded = ok(api.put(attendance).token(world.chair.accessToken()).json(record).send());
        assertThat(recorded.json().get("present").asInt()).isEqualTo(1);
        assertThat(recorded.json().get("absent").asInt()).isEqualTo(1);
        assertThat(world.registrations(table).json().get("items")).extracting(r -> r.get("attendance").asText())
                .containsExactly("PRESENT", "ABSENT", "null");

        String report = "/api/v1/dialoogtafels/" + table + "/report";
        Map<String, Object> content = Map.of("summary", "Twaalf bewoners spraken over eenzaamheid.", "participantCount", 12,
                "actionPoints", List.of(Map.of("text", "Een wekelijkse koffieochtend in het buurthuis",
                        "takenUpBy", "Wijkplatform"), Map.of("text", "Een buddy voor nieuwe bewoners", "takenUpBy", "Welzijn")));
        assertThat(api.put(report).token(world.chair.accessToken()).json(content).send().status())
                .as("not before the end").isEqualTo(409);
        assertThat(api.get(report).send().status()).isEqualTo(404);

        clock.advance(Duration.ofHours(2));
        ApiResponse published = ok(api.put(report).token(world.chair.accessToken()).json(content).send());
        assertThat(published.json().get("actionPoints")).extracting(p -> p.get("text").asText())
                .containsExactly("Een wekelijkse koffieochtend in het buurthuis", "Een buddy voor nieuwe bewoners");
        assertThat(kinds(present)).containsOnlyOnce("DIALOOGTAFEL_REPORT");
        assertThat(kinds(waiting)).doesNotContain("DIALOOGTAFEL_REPORT");
        assertThat(api.get(report).send().json().get("participantCount").asInt()).isEqualTo(12);
        assertThat(world.table(table).text("/status")).isEqualTo("HELD");

        String point = published.json().at("/actionPoints/0/id").asText();
        String takeUp = report + "/action-points/" + point + "/initiative";
        ApiResponse taken = api.post(takeUp).token(present.accessToken()).send();
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String initiative = taken.text("/initiativeId");
        assertThat(taken.header("Location")).isEqualTo("/api/v1/initiatives/" + initiative);
        JsonNode draft = api.get("/api/v1/initiatives/" + initiative).token(present.accessToken()).send().json();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("title").asText()).isEqualTo("Een wekelijkse koffieochtend in het buurthuis");
        assertThat(draft.get("wijkId").asText()).isEqualTo(world.wijk.id().toString());
        assertThat(draft.get("theme").asText()).isEqualTo("EENZAAMHEID");
        assertThat(draft.at("/origin/dialoogtafelId").asText()).isEqualTo(table);
        assertThat(draft.at("/origin/actionPointId").asText()).isEqualTo(point);
        assertThat(api.get(report).send().json().at("/actionPoints/0/initiativeId").asText()).isEqualTo(initiative);
        ApiResponse twice = api.post(takeUp).token(absent.accessToken()).send();
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("/initiativeId")).isEqualTo(initiative);

        ApiResponse dropped = api.put(report).token(world.chair.accessToken()).json(Map.of("summary", "Gecorrigeerd.",
                "participantCount", 11, "actionPoints", List.of())).send();
        assertThat(dropped.status()).isEqualTo(409);
        assertThat(dropped.text("/actionPointId")).isEqualTo(point);
        ApiResponse corrected = ok(api.put(report).token(world.chair.accessToken()).json(Map.of("summary", "Gecorrigeerd.",
                "participantCount", 11, "actionPoints", List.of(Map.of("text", "Nieuw: een buurtwandeling",
                        "takenUpBy", "Bewoners"), Map.of("id", point, "text", "Een koffieochtend op dinsdag",
                        "takenUpBy", "Wijkplatform")))).send());
        assertThat(corrected.json().get("actionPoints")).extracting(p -> p.get("text").asText(),
                p -> p.get("initiativeId").asText())
                .containsExactly(tuple("Nieuw: een buurtwandeling", "null"), tuple("Een koffieochtend op dinsdag", initiative));
        assertThat(kinds(present)).as("a correction is not announced again").containsOnlyOnce("DIALOOGTAFEL_REPORT");
    }

    @Test
    void theCalendarEndpointReturnsAValidICalendarEvent() {
        Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
        var content = world.content(start, start.plus(Duration.ofMinutes(90)), 5);
        content.put("title", "Veilig thuis, ook in de Kade; een gesprek, met koffie");
        content.put("description", "Regel een\nRegel twee met een lange tekst die zeker langer is dan vijfenzeventig octetten"
                + " zodat de regel gevouwen moet worden: één, twee, drie.");
        String table = created(world.create(world.chair, content));
        Person participant = world.resident();
        ok(world.register(participant, table));

        ApiResponse anonymous = api.get("/api/v1/dialoogtafels/" + table + "/calendar").header("Accept", "text/calendar").send();
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.header("Content-Type")).startsWith("text/calendar");
        String ics = anonymous.body();
        assertValidICalendar(ics);
        List<String> lines = unfolded(ics);
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        assertThat(lines).contains("DTSTART:" + utc.format(start), "DTEND:" + utc.format(start.plus(Duration.ofMinutes(90))),
                "SUMMARY:Veilig thuis\\, ook in de Kade\\; een gesprek\\, met koffie", "STATUS:CONFIRMED",
                "UID:dialoogtafel-" + table + "@wijkopmaat.nl");
        assertThat(lines).filteredOn(line -> line.startsWith("DESCRIPTION:")).singleElement().asString()
                .startsWith("DESCRIPTION:Regel een\\nRegel twee").doesNotContain(DialoogtafelWorld.LINK);
        assertThat(ics).doesNotContain(DialoogtafelWorld.LINK);

        String mine = api.get("/api/v1/dialoogtafels/" + table + "/calendar").header("Accept", "text/calendar")
                .token(participant.accessToken()).send().body();
        assertValidICalendar(mine);
        assertThat(unfolded(mine)).contains("URL:" + DialoogtafelWorld.LINK);
    }

    @Test
    void residentsWhoAskedHearOfANewTableInTheirWijkFromTheBackgroundNotInTheRequest() {
        Person asked = world.resident();
        Person notAsked = world.resident();
        Person elsewhere = world.residentOf(world.otherWijk);
        ok(api.put("/api/v1/me/dialoogtafel-alerts").token(asked.accessToken()).json(Map.of("newInMyWijk", true)).send());
        ok(api.put("/api/v1/me/dialoogtafel-alerts").token(elsewhere.accessToken()).json(Map.of("newInMyWijk", true)).send());
        assertThat(api.get("/api/v1/me/dialoogtafel-alerts").token(asked.accessToken()).send().json()
                .get("newInMyWijk").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/me/dialoogtafel-alerts").token(notAsked.accessToken()).send().json()
                .get("newInMyWijk").asBoolean()).isFalse();

        String table = world.table(Duration.ofDays(4), 10);
        assertThat(kinds(asked)).as("nothing in the organiser's request").isEmpty();

        announcer.drain();
        assertThat(kinds(asked)).containsExactly("DIALOOGTAFEL_NEW");
        assertThat(kinds(notAsked)).isEmpty();
        assertThat(kinds(elsewhere)).isEmpty();
        assertThat(kinds(world.chair)).doesNotContain("DIALOOGTAFEL_NEW");
        announcer.drain();
        assertThat(kinds(asked)).as("announced once").containsExactly("DIALOOGTAFEL_NEW");
        assertThat(api.get("/api/v1/notifications").token(asked.accessToken()).send().json()
                .at("/items/0/resourceId").asText()).isEqualTo(table);
    }

    @Test
    void aSeatFromTheWaitingListANewPlaceAndACancellationComeByMailUnlessSwitchedOffAndTheReportDoesNot() {
        String table = world.table(Duration.ofDays(3), 1);
        Person holder = world.resident();
        Person next = world.resident();
        Person noMail = world.resident();
        ok(world.register(holder, table));
        ok(world.register(next, table));
        ok(world.register(noMail, table));
        Map<String, Object> on = new LinkedHashMap<>();
        Map<String, Object> off = new LinkedHashMap<>();
        api.get("/api/v1/me/notification-preferences").token(noMail.accessToken()).send().json().get("push")
                .fieldNames().forEachRemaining(category -> {
                    on.put(category, true);
                    off.put(category, false);
                });
        ok(api.put("/api/v1/me/notification-preferences").token(noMail.accessToken())
                .json(Map.of("push", on, "mail", off, "quietHours", Map.of("start", "22:00", "end", "08:00"))).send());
        mails.send();
        int nextBefore = mailbox.to(next.email()).size();
        int noMailBefore = mailbox.to(noMail.email()).size();

        ok(world.unregister(holder, table));
        ok(api.patch("/api/v1/dialoogtafels/" + table).token(world.chair.accessToken())
                .json(Map.of("place", Map.of("name", "Bibliotheek", "address", "Markt 1, Maassluis"))).send());
        assertThat(mailbox.to(next.email())).as("sent by the background job, not in the request").hasSize(nextBefore);
        mails.send();

        List<Mailbox.Mail> toNext = mailbox.to(next.email()).subList(nextBefore, mailbox.to(next.email()).size());
        assertThat(toNext).extracting(Mailbox.Mail::subject)
                .containsExactly("U hebt een plaats", "Uw dialoogtafel is gewijzigd");
        assertThat(toNext.get(1).text()).contains("Bibliotheek, Markt 1, Maassluis").contains("instellingen voor meldingen");
        assertThat(mailbox.to(noMail.email())).hasSize(noMailBefore);

        clock.advance(Duration.ofDays(4));
        ok(api.put("/api/v1/dialoogtafels/" + table + "/report").token(world.chair.accessToken())
                .json(Map.of("summary", "Goed gesprek.", "participantCount", 1, "actionPoints", List.of())).send());
        mails.send();
        assertThat(mailbox.to(next.email())).as("the report is in the inbox only").hasSize(nextBefore + 2);
        assertThat(kinds(next)).contains("DIALOOGTAFEL_REPORT");
    }

    private static void assertValidICalendar(String ics) {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        String[] physical = ics.split("\r\n");
        for (String line : physical) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        List<String> lines = unfolded(ics);
        assertThat(lines).containsSubsequence("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR");
        assertThat(lines).filteredOn(line -> line.equals("BEGIN:VEVENT")).hasSize(1);
        assertThat(lines).anyMatch(line -> line.startsWith("PRODID:"));
        assertThat(lines).anyMatch(line -> line.matches("DTSTAMP:\\d{8}T\\d{6}Z"));
        assertThat(lines).anyMatch(line -> line.matches("DTSTART:\\d{8}T\\d{6}Z"));
        assertThat(lines).anyMatch(line -> line.matches("DTEND:\\d{8}T\\d{6}Z"));
        assertThat(lines).anyMatch(line -> line.startsWith("UID:"));
        assertThat(lines).allMatch(line -> line.matches("[A-Z-]+[:;].*"));
    }

    /** The content lines, with folded lines joined again (RFC 5545, 3.1). */
    private static List<String> unfolded(String ics) {
        return List.of(ics.replace("\r\n ", "").split("\r\n"));
    }

    private static Instant eveningBefore(LocalDate day) {
        return ZonedDateTime.of(day.minusDays(1), LocalTime.of(18, 0), AMSTERDAM).toInstant();
    }

    private static void assertInvalid(ApiResponse response, String... fields) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> names = new ArrayList<>();
        response.json().path("invalidParams").forEach(param -> names.add(param.get("name").asText()));
        assertThat(names).contains(fields);
    }

    private static List<String> ids(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private List<String> kinds(Person person) {
        List<String> kinds = new ArrayList<>();
        api.get("/api/v1/notifications").token(person.accessToken()).send().json().get("items")
                .forEach(item -> kinds.add(item.get("kind").asText()));
        return kinds;
    }
}
