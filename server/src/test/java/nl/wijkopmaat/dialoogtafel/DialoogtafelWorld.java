package nl.wijkopmaat.dialoogtafel;

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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality with two wijken and the people around dialoogtafels: the chair and the secretary of
 * the first wijk's platform, an official, residents living in the first wijk, and the chair of the
 * other wijk. Every step goes through the HTTP API.
 */
class DialoogtafelWorld {

    static final String LINK = "https://meet.example.org/kade";

    final Api api;
    final Fixtures fixtures;
    final MunicipalityView municipality;
    final WijkDetail wijk;
    final WijkDetail otherWijk;
    final Person chair;
    final Person secretary;
    final Person official;
    final Person otherChair;

    DialoogtafelWorld(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "De Kade", "Het Hoofd");
        otherWijk = fixtures.wijk(municipality.id(), "Westwijk");
        chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        secretary = fixtures.withRole(municipality.id(), Role.SECRETARY, wijk.wijkplatform().id());
        official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        otherChair = fixtures.withRole(municipality.id(), Role.CHAIR, otherWijk.wijkplatform().id());
    }

    /** A verified resident living in the first buurt of {@code in}. */
    Person residentOf(WijkDetail in) {
        Person person = fixtures.resident(municipality.id());
        ok(api.patch("/api/v1/me").token(person.accessToken())
                .json(Map.of("buurtId", in.buurten().get(0).id().toString())).send());
        return person;
    }

    Person resident() {
        return residentOf(wijk);
    }

    Map<String, Object> content(Instant start, Instant end, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Samen tegen eenzaamheid " + UUID.randomUUID().toString().substring(0, 6));
        body.put("description", "Een gesprek over hoe we elkaar in de wijk beter vinden.");
        body.put("theme", "EENZAAMHEID");
        body.put("wijkId", wijk.id().toString());
        body.put("place", Map.of("name", "Buurthuis De Kade", "address", "Kade 12, Maassluis"));
        body.put("onlineLink", LINK);
        body.put("startsAt", start.toString());
        body.put("endsAt", end.toString());
        body.put("capacity", capacity);
        body.put("facilitatorName", "Anouk Visser");
        return body;
    }

    ApiResponse create(Person organiser, Map<String, Object> body) {
        return api.post("/api/v1/dialoogtafels").token(organiser.accessToken()).json(body).send();
    }

    /** A table of two hours starting {@code in} from now (whole minutes), organised by the chair. */
    String table(Duration in, int capacity) {
        Instant start = Instant.now().plus(in).truncatedTo(ChronoUnit.MINUTES);
        return created(create(chair, content(start, start.plus(Duration.ofHours(2)), capacity)));
    }

    ApiResponse register(Person person, String table) {
        return api.post("/api/v1/dialoogtafels/" + table + "/registrations").token(person.accessToken()).send();
    }

    ApiResponse unregister(Person person, String table) {
        return api.delete("/api/v1/dialoogtafels/" + table + "/registrations/me").token(person.accessToken()).send();
    }

    ApiResponse tableAs(Person person, String table) {
        return api.get("/api/v1/dialoogtafels/" + table).token(person.accessToken()).send();
    }

    ApiResponse table(String table) {
        return api.get("/api/v1/dialoogtafels/" + table).send();
    }

    /** Every registration of the table, as the chair reads them. */
    ApiResponse registrations(String table) {
        return api.get("/api/v1/dialoogtafels/" + table + "/registrations").token(chair.accessToken())
                .query("limit", 100).send();
    }

    String registerDevice(Person person) {
        String token = "fcm-" + UUID.randomUUID();
        ok(api.post("/api/v1/devices").token(person.accessToken()).json(Map.of("token", token, "platform", "ANDROID")).send());
        return token;
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
