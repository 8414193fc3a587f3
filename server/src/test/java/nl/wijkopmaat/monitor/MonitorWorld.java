package nl.wijkopmaat.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A municipality with a wijk of two buurten and its staff, and the acts the monitor counts, through the API. */
class MonitorWorld {

    private final Api api;
    private final Fixtures fixtures;
    final MunicipalityView municipality;
    final WijkDetail wijk;
    final Person admin;
    final Person official;
    final Person chair;
    final Person coordinator;

    MonitorWorld(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "Noord", "Zuid");
        admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        coordinator = fixtures.resident(municipality.id());
    }

    WijkDetail wijk(String... buurten) {
        return fixtures.wijk(municipality.id(), buurten);
    }

    /** A verified resident living in {@code buurt}. */
    Person residentOf(BuurtView buurt) {
        Person person = fixtures.resident(municipality.id());
        ok(api.patch("/api/v1/me").token(person.accessToken()).json(Map.of("buurtId", buurt.id().toString())).send());
        return person;
    }

    ApiResponse erase(Person person) {
        return fixtures.erase(person);
    }

    String submittedInitiative(Person author, WijkDetail in) {
        String id = created(api.post("/api/v1/initiatives").token(author.accessToken()).json(Map.of(
                "title", "Speeltuin opknappen " + UUID.randomUUID().toString().substring(0, 6),
                "description", "Samen de speeltuin opknappen en een buurtfeest geven.", "theme", "GROEN",
                "wijkId", in.id().toString(), "requestedBudgetCents", 250_000)).send());
        ok(api.post("/api/v1/initiatives/" + id + "/status-changes").token(author.accessToken())
                .json(Map.of("action", "SUBMIT")).send());
        return id;
    }

    void takeIntoReview(String initiative) {
        ok(api.put("/api/v1/initiatives/" + initiative + "/owner").token(official.accessToken())
                .json(Map.of("ownerId", official.id().toString())).send());
    }

    void review(String initiative, String decision) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", decision));
        if (!decision.equals("APPROVE")) {
            body.put("reason", "Past niet in het wijkplan");
        }
        ok(api.post("/api/v1/initiatives/" + initiative + "/reviews").token(official.accessToken()).json(body).send());
    }

    void support(Person person, String initiative) {
        ok(api.post("/api/v1/initiatives/" + initiative + "/supports").token(person.accessToken()).send());
    }

    void comment(Person person, String initiative) {
        ok(api.post("/api/v1/initiatives/" + initiative + "/comments").token(person.accessToken())
                .json(Map.of("body", "Goed plan, ik help mee.")).send());
    }

    String dialoogtafel(Instant start) {
        return created(api.post("/api/v1/dialoogtafels").token(chair.accessToken()).json(Map.of(
                "title", "Samen in gesprek", "description", "Over de wijk.", "theme", "LEEFBAARHEID",
                "wijkId", wijk.id().toString(), "place", Map.of("name", "Buurthuis", "address", "Kade 1"),
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString(), "capacity", 20)).send());
    }

    String register(Person person, String table) {
        return created(api.post("/api/v1/dialoogtafels/" + table + "/registrations").token(person.accessToken()).send());
    }

    void attendance(String table, Map<String, String> attendanceByRegistration) {
        ok(api.put("/api/v1/dialoogtafels/" + table + "/attendance").token(chair.accessToken()).json(Map.of(
                "registrations", attendanceByRegistration.entrySet().stream()
                        .map(e -> Map.of("registrationId", e.getKey(), "attendance", e.getValue())).toList())).send());
    }

    String shift(Instant start) {
        String opportunity = created(api.post("/api/v1/volunteer-opportunities").token(chair.accessToken()).json(Map.of(
                "title", "Buurtmaaltijd", "description", "Samen koken en eten met de buren.",
                "wijkId", wijk.id().toString(), "skills", List.of("koken"),
                "coordinatorIds", List.of(coordinator.id().toString()))).send());
        return created(api.post("/api/v1/volunteer-opportunities/" + opportunity + "/shifts").token(chair.accessToken())
                .json(Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(2)).toString(),
                        "capacity", 10, "place", "Buurthuis")).send());
    }

    void signUp(Person person, String shift) {
        ApiResponse signedUp = api.post("/api/v1/shifts/" + shift + "/signups").token(person.accessToken()).send();
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(201);
    }

    void hours(String shift, List<Map<String, Object>> volunteers) {
        ok(api.put("/api/v1/shifts/" + shift + "/hours").token(coordinator.accessToken())
                .json(Map.of("volunteers", volunteers)).send());
    }

    /** A Right to Challenge proposal of {@code initiator}'s group, in intake. */
    String challengeInIntake(Person initiator) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Groenonderhoud Kerkpark");
        body.put("task", "Het maaien, snoeien en schoonhouden van het Kerkpark.");
        body.put("groupName", "Buurtvereniging Kerkpark");
        body.put("plan", "Twintig buren onderhouden het park elke zaterdag.");
        body.put("requestedBudgetCentsPerYear", 1_800_000);
        body.put("socialValue", "Buren leren elkaar kennen.");
        body.put("supportDescription", "Twee buurtavonden.");
        body.put("supporterCount", 64);
        body.put("wijkId", wijk.id().toString());
        String id = created(api.post("/api/v1/challenges").token(initiator.accessToken()).json(body).send());
        ok(api.post("/api/v1/challenges/" + id + "/status-changes").token(initiator.accessToken())
                .json(Map.of("action", "SUBMIT_INTAKE")).send());
        return id;
    }

    void budget(int year, long allocatedCents, String initiative, long grantedCents, long paidCents, LocalDate paidOn) {
        String budget = "/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/budgets/" + year;
        ok(api.put(budget).token(admin.accessToken()).json(Map.of("amountCents", allocatedCents)).send());
        String grant = created(api.post(budget + "/grants").token(chair.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("initiativeId", initiative, "amountCents", grantedCents)).send());
        ok(api.post("/api/v1/grants/" + grant + "/payouts").token(chair.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("amountCents", paidCents, "paidOn", paidOn.toString(), "reference", "Factuur 1")).send());
    }

    void inhabitants(UUID wijkId, int year, int inhabitants) {
        ok(api.put("/api/v1/wijken/" + wijkId + "/inhabitants").token(admin.accessToken())
                .json(Map.of("year", year, "inhabitants", inhabitants)).send());
    }

    void target(String indicator, String comparison, double percent, LocalDate startDate) {
        ok(api.put("/api/v1/municipalities/" + municipality.id() + "/monitor-targets/" + indicator)
                .token(admin.accessToken())
                .json(Map.of("comparison", comparison, "targetPercent", percent, "startDate", startDate.toString())).send());
    }

    ApiResponse wijkMonitor(UUID wijkId) {
        return ok(api.get("/api/v1/wijken/" + wijkId + "/monitor").send());
    }

    ApiResponse municipalityMonitor() {
        return ok(api.get("/api/v1/municipalities/" + municipality.id() + "/monitor").send());
    }

    JsonNode wijkOrMunicipality(String path) {
        return ok(api.get(path).send()).json();
    }

    ApiResponse csv(String path) {
        return ok(api.get(path).header("Accept", "text/csv").send());
    }

    static String created(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("/id");
    }

    static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
        return response;
    }
}
