package nl.wijkopmaat.volunteering;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.notification.Reminders;
import nl.wijkopmaat.notification.Reminders.Pending;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.wijkopmaat.volunteering.VolunteeringWorld.created;
import static nl.wijkopmaat.volunteering.VolunteeringWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class VolunteeringTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    Reminders reminders;

    VolunteeringWorld world;

    @BeforeEach
    void world() {
        world = new VolunteeringWorld(api, fixtures);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aChairOrAnOfficialPublishesAndEveryoneReadsIt() {
        ApiResponse created = world.createOpportunity(world.chair, world.wijk, List.of("Koken ", "gastvrijheid"));
        String id = created(created);
        assertThat(created.json().get("skills")).extracting(JsonNode::asText).containsExactly("gastvrijheid", "koken");
        assertThat(created.text("/organiser/id")).isEqualTo(world.chair.id().toString());
        assertThat(created.json().at("/coordinators/0/id").asText()).isEqualTo(world.coordinator.id().toString());
        created(world.createOpportunity(world.official, world.wijk, List.of()));

        assertThat(world.createOpportunity(world.resident(), world.wijk, List.of()).status()).isEqualTo(403);
        assertThat(world.createOpportunity(world.otherChair, world.wijk, List.of()).status()).isEqualTo(403);

        String shift = world.shift(id, Duration.ofDays(3), 12);
        JsonNode detail = api.get("/api/v1/volunteer-opportunities/" + id).send().json();
        assertThat(detail.at("/upcomingShifts/0/id").asText()).isEqualTo(shift);
        assertThat(detail.at("/upcomingShifts/0/seatsLeft").asInt()).isEqualTo(12);
        assertThat(detail.get("totals").isNull()).isTrue();

        JsonNode bySkill = api.get("/api/v1/volunteer-opportunities").query("skill", "KOKEN")
                .query("wijk", world.wijk.id()).send().json();
        assertThat(bySkill.get("items")).extracting(item -> item.get("id").asText()).containsExactly(id);
        JsonNode fromLater = api.get("/api/v1/volunteer-opportunities").query("wijk", world.wijk.id())
                .query("from", Instant.now().plus(Duration.ofDays(4)).toString()).send().json();
        assertThat(fromLater.get("items")).isEmpty();
        JsonNode fromNow = api.get("/api/v1/volunteer-opportunities").query("wijk", world.wijk.id())
                .query("from", Instant.now().toString()).send().json();
        assertThat(fromNow.get("items")).extracting(item -> item.get("id").asText()).containsExactly(id);
    }

    @Test
    void aShiftEndsAfterItsStartLastsAtMostADayAndHasOneToTwoHundredSeats() {
        String opportunity = world.opportunity();
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);

        assertInvalid(world.addShift(world.chair, opportunity, start, start, 5), "endsAt");
        assertInvalid(world.addShift(world.chair, opportunity, start, start.plus(Duration.ofHours(24)).plusSeconds(60), 5), "endsAt");
        assertInvalid(world.addShift(world.chair, opportunity, Instant.now().minus(Duration.ofHours(1)), start, 5), "startsAt");
        assertThat(world.addShift(world.chair, opportunity, start, start.plus(Duration.ofHours(24)), 5).status()).isEqualTo(201);
        ApiResponse tooMany = api.post("/api/v1/volunteer-opportunities/" + opportunity + "/shifts").token(world.chair.accessToken())
                .invalidInput().json(Map.of("startsAt", start.toString(), "endsAt", start.plusSeconds(3600).toString(),
                        "capacity", 201)).send();
        assertInvalid(tooMany, "capacity");
        assertThat(world.addShift(world.coordinator, opportunity, start, start.plusSeconds(3600), 1).status()).isEqualTo(201);
        assertThat(world.addShift(world.resident(), opportunity, start, start.plusSeconds(3600), 1).status()).isEqualTo(403);
    }

    @Test
    void cancellingFreesTheSeatAndSigningUpAgainIsTheSameSeat() {
        String shift = world.shift(world.opportunity(), Duration.ofDays(2), 1);
        Person first = world.resident();
        Person second = world.resident();

        ApiResponse signed = world.signUp(first, shift);
        assertThat(signed.status()).isEqualTo(201);
        ApiResponse again = world.signUp(first, shift);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("/id")).isEqualTo(signed.text("/id"));
        assertThat(world.shiftOf(shift).json().get("seatsLeft").asInt()).isZero();
        ApiResponse full = world.signUp(second, shift);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text("/type")).endsWith("problem-conflict-shift-full");

        assertThat(world.leave(first, shift).status()).isEqualTo(204);
        assertThat(world.leave(first, shift).status()).isEqualTo(404);
        assertThat(world.shiftOf(shift).json().get("seatsLeft").asInt()).isEqualTo(1);
        assertThat(world.signUp(second, shift).status()).isEqualTo(201);
    }

    @Test
    void afterTheStartNobodySignsUpOrLeaves() {
        String shift = world.shift(world.opportunity(), Duration.ofHours(1), 5);
        Person holder = world.resident();
        ok(world.signUp(holder, shift));

        clock.advance(Duration.ofMinutes(61));

        ApiResponse late = world.signUp(world.resident(), shift);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("/type")).endsWith("problem-conflict-shift-signUp");
        assertThat(world.leave(holder, shift).status()).isEqualTo(409);
    }

    @Test
    void aCancelledShiftTakesNoSignUpsAndItsVolunteersHearOfIt() {
        String shift = world.shift(world.opportunity(), Duration.ofDays(2), 5);
        Person volunteer = world.resident();
        ok(world.signUp(volunteer, shift));

        assertThat(api.post("/api/v1/shifts/" + shift + "/cancellation").token(volunteer.accessToken()).send().status())
                .isEqualTo(403);
        ApiResponse cancelled = api.post("/api/v1/shifts/" + shift + "/cancellation").token(world.chair.accessToken()).send();
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("/status")).isEqualTo("CANCELLED");

        assertThat(world.signUp(world.resident(), shift).status()).isEqualTo(409);
        assertThat(kinds(volunteer)).contains("VOLUNTEER_SHIFT_CANCELLED");
    }

    @Test
    void overlappingByAMinuteIsRefusedNamingTheOtherShiftAndBackToBackIsFine() {
        String opportunity = world.opportunity();
        String other = world.opportunity();
        Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        String morning = created(world.addShift(world.chair, opportunity, start, start.plus(Duration.ofHours(3)), 5));
        String overlapping = created(world.addShift(world.chair, other, start.plus(Duration.ofMinutes(179)),
                start.plus(Duration.ofHours(5)), 5));
        String afterwards = created(world.addShift(world.chair, other, start.plus(Duration.ofHours(3)),
                start.plus(Duration.ofHours(5)), 5));
        Person volunteer = world.resident();

        ok(world.signUp(volunteer, morning));
        ApiResponse refused = world.signUp(volunteer, overlapping);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/overlappingShiftId")).isEqualTo(morning);
        assertThat(world.signUp(volunteer, afterwards).status()).isEqualTo(201);
    }

    @Test
    void onlyACoordinatorConfirmsWholeQuartersUpToTheShiftsLength() {
        String opportunity = world.opportunity();
        String shift = world.shift(opportunity, Duration.ofHours(1), 5);
        Person volunteer = world.resident();
        Person absent = world.resident();
        ok(world.signUp(volunteer, shift));
        ok(world.signUp(absent, shift));
        List<Map<String, Object>> entries = List.of(Map.of("volunteerId", volunteer.id().toString(), "minutes", 105),
                Map.of("volunteerId", absent.id().toString(), "noShow", true));

        assertThat(world.hours(world.coordinator, shift, entries).status()).as("before the shift").isEqualTo(409);
        clock.advance(Duration.ofHours(3).plusMinutes(1));

        ApiResponse notQuarter = world.hours(world.coordinator, shift, List.of(
                Map.of("volunteerId", volunteer.id().toString(), "minutes", 50),
                Map.of("volunteerId", absent.id().toString(), "minutes", 135)));
        assertThat(notQuarter.status()).isEqualTo(400);
        assertThat(names(notQuarter)).containsExactly("volunteers[0].minutes", "volunteers[1].minutes");
        assertThat(world.hours(volunteer, shift, entries).status()).isEqualTo(403);
        assertThat(world.hours(world.otherChair, shift, entries).status()).isEqualTo(403);
        assertThat(world.hours(world.official, shift, entries).status()).as("an official who does not coordinate").isEqualTo(403);

        ApiResponse confirmed = world.hours(world.coordinator, shift, entries);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("volunteers")).extracting(v -> v.get("outcome").asText())
                .containsExactlyInAnyOrder("PRESENT", "NO_SHOW");
        ok(world.hours(world.chair, shift, List.of(Map.of("volunteerId", volunteer.id().toString(), "minutes", 120))));

        JsonNode mine = api.get("/api/v1/me/volunteering").token(volunteer.accessToken()).send().json();
        assertThat(mine.at("/past/0/shiftId").asText()).isEqualTo(shift);
        assertThat(mine.at("/past/0/minutes").asInt()).isEqualTo(120);
        int year = Instant.now().atZone(ZoneId.of("Europe/Amsterdam")).getYear();
        assertThat(mine.at("/confirmedPerYear/0/year").asInt()).isBetween(year, year + 1);
        assertThat(mine.at("/confirmedPerYear/0/minutes").asLong()).isEqualTo(120);
        JsonNode totals = api.get("/api/v1/volunteer-opportunities/" + opportunity).token(world.chair.accessToken())
                .send().json().get("totals");
        assertThat(totals.get("confirmedMinutes").asLong()).isEqualTo(120);
        assertThat(totals.get("noShows").asLong()).isEqualTo(1);
        assertThat(kinds(volunteer)).contains("VOLUNTEER_HOURS_CONFIRMED");
        assertThat(kinds(absent)).contains("VOLUNTEER_NO_SHOW");
    }

    @Test
    void matchMeRanksMyWijkWithMySkillsAboveElsewhereWithoutThem() {
        Person resident = world.resident();
        ok(api.put("/api/v1/me/volunteer-profile").token(resident.accessToken()).json(Map.of(
                "skills", List.of("tuinieren"), "availability", List.of("WEEKENDS"), "newOpportunityNotices", false)).send());
        String elsewhere = created(world.createOpportunity(world.otherChair, world.otherWijk, List.of("koken")));
        String mine = created(world.createOpportunity(world.chair, world.wijk, List.of("tuinieren")));
        String newerElsewhere = created(world.createOpportunity(world.otherChair, world.otherWijk, List.of("klussen")));

        JsonNode page = api.get("/api/v1/volunteer-opportunities").query("matchMe", true).token(resident.accessToken())
                .query("limit", 100).send().json();
        List<String> order = new ArrayList<>();
        page.get("items").forEach(item -> order.add(item.get("id").asText()));
        assertThat(order).containsSubsequence(mine, newerElsewhere, elsewhere);
        assertThat(order.get(0)).isEqualTo(mine);
        assertThat(api.get("/api/v1/volunteer-opportunities").query("matchMe", true).send().status()).isEqualTo(401);

        ApiResponse first = api.get("/api/v1/volunteer-opportunities").query("matchMe", true).query("limit", 1)
                .token(resident.accessToken()).send();
        ApiResponse second = api.get("/api/v1/volunteer-opportunities").query("matchMe", true).query("limit", 1)
                .query("cursor", first.text("/nextCursor")).token(resident.accessToken()).send();
        assertThat(first.text("/items/0/id")).isEqualTo(mine);
        assertThat(second.text("/items/0/id")).isEqualTo(newerElsewhere);
    }

    @Test
    void residentsWhoAskedHearOfANewOpportunityInTheirWijkWithTheirSkills() {
        Person cook = world.resident();
        Person quiet = world.resident();
        Person cookElsewhere = world.residentOf(world.otherWijk);
        for (Person person : List.of(cook, cookElsewhere)) {
            ok(api.put("/api/v1/me/volunteer-profile").token(person.accessToken()).json(Map.of(
                    "skills", List.of("koken"), "availability", List.of(), "newOpportunityNotices", true)).send());
        }
        ok(api.put("/api/v1/me/volunteer-profile").token(quiet.accessToken()).json(Map.of(
                "skills", List.of("koken"), "availability", List.of(), "newOpportunityNotices", false)).send());

        world.opportunity();

        assertThat(kinds(cook)).containsExactly("VOLUNTEER_OPPORTUNITY_MATCH");
        assertThat(kinds(quiet)).isEmpty();
        assertThat(kinds(cookElsewhere)).isEmpty();
    }

    @Test
    void aChangedShiftTellsItsVolunteersAndCannotMakeThemOverlap() {
        String opportunity = world.opportunity();
        Instant start = Instant.now().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.HOURS);
        String early = created(world.addShift(world.chair, opportunity, start, start.plus(Duration.ofHours(2)), 5));
        String late = created(world.addShift(world.chair, opportunity, start.plus(Duration.ofHours(2)),
                start.plus(Duration.ofHours(4)), 5));
        Person volunteer = world.resident();
        ok(world.signUp(volunteer, early));
        ok(world.signUp(volunteer, late));

        ApiResponse clash = api.patch("/api/v1/shifts/" + late).token(world.chair.accessToken())
                .json(Map.of("startsAt", start.plus(Duration.ofHours(1)).toString())).send();
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.text("/volunteerId")).isEqualTo(volunteer.id().toString());
        ApiResponse tooSmall = api.patch("/api/v1/shifts/" + late).token(world.chair.accessToken())
                .json(Map.of("capacity", 1)).send();
        assertThat(tooSmall.status()).isEqualTo(200);

        ApiResponse moved = api.patch("/api/v1/shifts/" + late).token(world.chair.accessToken())
                .json(Map.of("startsAt", start.plus(Duration.ofHours(3)).toString(), "place", "Kerkplein")).send();
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.text("/place")).isEqualTo("Kerkplein");
        assertThat(kinds(volunteer)).containsExactly("VOLUNTEER_SHIFT_CHANGED");
    }

    @Test
    void aReminderAtSixTheEveningBeforeMovesWithTheShiftAndGoesWhenTheSeatDoes() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        LocalDate day = LocalDate.now(amsterdam).plusDays(3);
        Instant start = ZonedDateTime.of(day, LocalTime.of(10, 0), amsterdam).toInstant();
        String opportunity = world.opportunity();
        String shift = created(world.addShift(world.chair, opportunity, start, start.plus(Duration.ofHours(2)), 5));
        Person volunteer = world.resident();
        Person leaver = world.resident();
        String keys = "volunteering:" + shift + ":reminder";

        ok(world.signUp(volunteer, shift));
        ok(world.signUp(leaver, shift));
        assertThat(reminders.pending(keys)).extracting(Pending::recipient, Pending::dueAt, Pending::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(volunteer.id(), eveningBefore(day, amsterdam), "VOLUNTEER_SHIFT_REMINDER"),
                        org.assertj.core.groups.Tuple.tuple(leaver.id(), eveningBefore(day, amsterdam), "VOLUNTEER_SHIFT_REMINDER"));
        assertThat(reminders.pending(keys)).extracting(Pending::key)
                .contains(keys + ":" + volunteer.id(), keys + ":" + leaver.id());

        ok(world.leave(leaver, shift));
        assertThat(reminders.pending(keys)).extracting(Pending::recipient).containsExactly(volunteer.id());

        Instant later = start.plus(Duration.ofDays(1));
        ok(api.patch("/api/v1/shifts/" + shift).token(world.chair.accessToken())
                .json(Map.of("startsAt", later.toString(), "endsAt", later.plus(Duration.ofHours(2)).toString())).send());
        assertThat(reminders.pending(keys)).extracting(Pending::dueAt).containsExactly(eveningBefore(day.plusDays(1), amsterdam));

        clock.setTo(eveningBefore(day.plusDays(1), amsterdam).plusSeconds(60));
        reminders.releaseDue();
        assertThat(kinds(volunteer)).contains("VOLUNTEER_SHIFT_REMINDER");
        assertThat(reminders.pending(keys)).isEmpty();
    }

    @Test
    void aCancelledShiftWithdrawsEveryReminder() {
        String shift = world.shift(world.opportunity(), Duration.ofDays(4), 5);
        String keys = "volunteering:" + shift + ":reminder";
        ok(world.signUp(world.resident(), shift));
        ok(world.signUp(world.resident(), shift));
        assertThat(reminders.pending(keys)).hasSize(2);

        ok(api.post("/api/v1/shifts/" + shift + "/cancellation").token(world.chair.accessToken()).send());

        assertThat(reminders.pending(keys)).isEmpty();
    }

    @Test
    void signingUpAfterSixTheEveningBeforeSchedulesNoReminder() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        LocalDate today = LocalDate.now(amsterdam);
        clock.setTo(ZonedDateTime.of(today, LocalTime.of(19, 0), amsterdam).toInstant());
        Instant tomorrow = ZonedDateTime.of(today.plusDays(1), LocalTime.of(10, 0), amsterdam).toInstant();
        String shift = created(world.addShift(world.chair, world.opportunity(), tomorrow, tomorrow.plus(Duration.ofHours(2)), 5));

        ok(world.signUp(world.resident(), shift));

        assertThat(reminders.pending("volunteering:" + shift + ":reminder")).isEmpty();
    }

    private static Instant eveningBefore(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day.minusDays(1), LocalTime.of(18, 0), zone).toInstant();
    }

    @Test
    void anErasedVolunteerGivesTheirSeatBackAndAnErasedOrganiserLeavesTheOpportunityToTheWijk() {
        Person organiser = fixtures.withRole(world.municipality.id(), nl.wijkopmaat.common.security.Role.CHAIR,
                world.wijk.wijkplatform().id());
        String opportunity = created(world.createOpportunity(organiser, world.wijk, List.of("koken")));
        String shift = world.shift(opportunity, Duration.ofDays(2), 1);
        Person volunteer = world.resident();
        ok(world.signUp(volunteer, shift));
        assertThat(world.shiftOf(shift).json().get("seatsLeft").asInt()).isZero();

        assertThat(fixtures.erase(volunteer).status()).isEqualTo(204);
        assertThat(fixtures.erase(organiser).status()).isEqualTo(204);

        assertThat(world.shiftOf(shift).json().get("seatsLeft").asInt()).isEqualTo(1);
        assertThat(world.signUp(world.resident(), shift).status()).isEqualTo(201);
        JsonNode left = api.get("/api/v1/volunteer-opportunities/" + opportunity).send().json();
        assertThat(left.get("organiser").isNull()).isTrue();
        ok(api.patch("/api/v1/volunteer-opportunities/" + opportunity).token(world.official.accessToken())
                .json(Map.of("status", "CLOSED")).send());
    }

    @Test
    void aSignUpRetriedWithItsIdempotencyKeyIsAnsweredAsTheFirstTime() {
        String shift = world.shift(world.opportunity(), Duration.ofDays(2), 5);
        Person volunteer = world.resident();
        String key = java.util.UUID.randomUUID().toString();

        ApiResponse first = api.post("/api/v1/shifts/" + shift + "/signups").token(volunteer.accessToken())
                .header("Idempotency-Key", key).send();
        ApiResponse retried = api.post("/api/v1/shifts/" + shift + "/signups").token(volunteer.accessToken())
                .header("Idempotency-Key", key).send();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.text("/id")).isEqualTo(first.text("/id"));
        assertThat(world.shiftOf(shift).json().get("seatsLeft").asInt()).isEqualTo(4);
    }

    @Test
    void anUnverifiedResidentCannotSignUp() {
        String shift = world.shift(world.opportunity(), Duration.ofDays(2), 5);
        Person unverified = fixtures.unverifiedResident(world.municipality.id());

        ApiResponse refused = world.signUp(unverified, shift);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("/type")).endsWith("problem-forbidden-unverified");
    }

    private void assertInvalid(ApiResponse response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(names(response)).contains(field);
    }

    private static List<String> names(ApiResponse response) {
        List<String> names = new ArrayList<>();
        response.json().path("invalidParams").forEach(param -> names.add(param.get("name").asText()));
        return names;
    }

    private List<String> kinds(Person person) {
        List<String> kinds = new ArrayList<>();
        api.get("/api/v1/notifications").token(person.accessToken()).send().json().get("items")
                .forEach(item -> kinds.add(item.get("kind").asText()));
        return kinds;
    }
}
