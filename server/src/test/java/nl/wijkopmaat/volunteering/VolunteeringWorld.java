package nl.wijkopmaat.volunteering;

import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality with two wijken and the people around volunteering: the chair of the first wijk's
 * platform (who organises), an official, a coordinator the chair names, residents living in the
 * first wijk, and the chair of the other wijk. Every step goes through the HTTP API.
 */
class VolunteeringWorld {

    final Api api;
    final Fixtures fixtures;
    final MunicipalityView municipality;
    final WijkDetail wijk;
    final WijkDetail otherWijk;
    final Person chair;
    final Person official;
    final Person coordinator;
    final Person otherChair;

    VolunteeringWorld(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "De Kade");
        otherWijk = fixtures.wijk(municipality.id(), "Het Hoofd");
        chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        coordinator = fixtures.resident(municipality.id());
        otherChair = fixtures.withRole(municipality.id(), Role.CHAIR, otherWijk.wijkplatform().id());
    }

    /** A verified resident living in a buurt of {@code in}. */
    Person residentOf(WijkDetail in) {
        Person person = fixtures.resident(municipality.id());
        ok(api.patch("/api/v1/me").token(person.accessToken())
                .json(Map.of("buurtId", in.buurten().get(0).id().toString())).send());
        return person;
    }

    Person resident() {
        return residentOf(wijk);
    }

    ApiResponse createOpportunity(Person organiser, WijkDetail in, List<String> skills) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Buurtmaaltijd " + UUID.randomUUID().toString().substring(0, 6));
        body.put("description", "Samen koken en eten met de buren.");
        body.put("wijkId", in.id().toString());
        body.put("skills", skills);
        body.put("coordinatorIds", List.of(coordinator.id().toString()));
        return api.post("/api/v1/volunteer-opportunities").token(organiser.accessToken()).json(body).send();
    }

    String opportunity() {
        return created(createOpportunity(chair, wijk, List.of("koken")));
    }

    ApiResponse addShift(Person actor, String opportunity, Instant start, Instant end, int capacity) {
        return api.post("/api/v1/volunteer-opportunities/" + opportunity + "/shifts").token(actor.accessToken())
                .json(Map.of("startsAt", start.toString(), "endsAt", end.toString(), "capacity", capacity,
                        "place", "Buurthuis De Kade"))
                .send();
    }

    /** A shift of two hours starting {@code in} from now (whole minutes). */
    String shift(String opportunity, Duration in, int capacity) {
        Instant start = Instant.now().plus(in).truncatedTo(ChronoUnit.MINUTES);
        return created(addShift(chair, opportunity, start, start.plus(Duration.ofHours(2)), capacity));
    }

    ApiResponse signUp(Person person, String shift) {
        return api.post("/api/v1/shifts/" + shift + "/signups").token(person.accessToken()).send();
    }

    ApiResponse leave(Person person, String shift) {
        return api.delete("/api/v1/shifts/" + shift + "/signups/me").token(person.accessToken()).send();
    }

    ApiResponse hours(Person actor, String shift, List<Map<String, Object>> volunteers) {
        return api.put("/api/v1/shifts/" + shift + "/hours").token(actor.accessToken())
                .json(Map.of("volunteers", volunteers)).send();
    }

    ApiResponse shiftOf(String shift) {
        return api.get("/api/v1/shifts/" + shift).send();
    }

    static String created(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("/id");
    }

    static void ok(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
    }
}
