package nl.wijkopmaat.geography;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class GeographyTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    MunicipalityView municipality;
    Person admin;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
        admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
    }

    private ApiResponse createWijk(Person actor, String name) {
        return api.post("/api/v1/municipalities/" + municipality.id() + "/wijken").token(actor.accessToken())
                .json(Map.of("name", name)).send();
    }

    @Test
    void adminCreatesAWijkWithItsWijkplatformAndBuurten() {
        ApiResponse wijk = createWijk(admin, "Sluispolder");
        assertThat(wijk.status()).isEqualTo(201);
        String wijkId = wijk.text("/id");
        assertThat(wijk.header("Location")).isEqualTo("/api/v1/wijken/" + wijkId);
        assertThat(wijk.text("/wijkplatform/name")).isEqualTo("Wijkplatform Sluispolder");

        ApiResponse buurt = api.post("/api/v1/wijken/" + wijkId + "/buurten").token(admin.accessToken())
                .json(Map.of("name", "Binnenstad")).send();
        assertThat(buurt.status()).isEqualTo(201);

        ApiResponse publicView = api.get("/api/v1/wijken/" + wijkId).send();
        assertThat(publicView.json().get("buurten").findValuesAsText("name")).containsExactly("Binnenstad");

        ApiResponse platform = api.get("/api/v1/wijkplatforms/" + wijk.text("/wijkplatform/id")).send();
        assertThat(platform.text("/wijkName")).isEqualTo("Sluispolder");
        assertThat(platform.text("/municipalityId")).isEqualTo(municipality.id().toString());
    }

    @Test
    void adminRenamesWijkAndBuurt() {
        String wijkId = createWijk(admin, "Oud").text("/id");
        ApiResponse renamed = api.patch("/api/v1/wijken/" + wijkId).token(admin.accessToken())
                .json(Map.of("name", "Nieuw")).send();
        assertThat(renamed.text("/name")).isEqualTo("Nieuw");

        String buurtId = api.post("/api/v1/wijken/" + wijkId + "/buurten").token(admin.accessToken())
                .json(Map.of("name", "A")).send().text("/id");
        ApiResponse buurt = api.patch("/api/v1/buurten/" + buurtId).token(admin.accessToken()).json(Map.of("name", "B")).send();
        assertThat(buurt.text("/name")).isEqualTo("B");
        assertThat(api.get("/api/v1/buurten/" + buurtId).send().text("/name")).isEqualTo("B");
    }

    @Test
    void aNameCanChangeOnlyItsCase() {
        String wijkId = createWijk(admin, "centrum-oost").text("/id");
        ApiResponse renamed = api.patch("/api/v1/wijken/" + wijkId).token(admin.accessToken())
                .json(Map.of("name", "Centrum-Oost")).send();
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("/name")).isEqualTo("Centrum-Oost");
    }

    @Test
    void aBlankWijkplatformNameIsInvalid() {
        ApiResponse response = api.post("/api/v1/municipalities/" + municipality.id() + "/wijken").token(admin.accessToken())
                .json(Map.of("name", "Leeg platform", "wijkplatformName", "   ")).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/invalidParams/0/name")).isEqualTo("wijkplatformName");
    }

    @Test
    void duplicateWijkNameIsAConflict() {
        createWijk(admin, "Centrum");
        assertThat(createWijk(admin, "Centrum").status()).isEqualTo(409);
    }

    @Test
    void residentsAndOtherAdminsCannotChangeGeography() {
        Person resident = fixtures.resident(municipality.id());
        assertThat(createWijk(resident, "Stiekem").status()).isEqualTo(403);
        MunicipalityView other = fixtures.municipality();
        Person otherAdmin = fixtures.withRole(other.id(), Role.ADMIN, other.id());
        assertThat(createWijk(otherAdmin, "Ook stiekem").status()).isEqualTo(403);
    }

    @Test
    void wijkenArePagedByNameWithACursor() {
        for (String name : List.of("Echo", "Alfa", "Delta", "Charlie", "Bravo")) {
            fixtures.wijk(municipality.id());
            createWijk(admin, name);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Call call = api.get("/api/v1/municipalities/" + municipality.id() + "/wijken").query("limit", 4);
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            ApiResponse page = call.send();
            page.json().get("items").forEach(item -> names.add(item.get("name").asText()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.text("/nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(10).isSorted();
        assertThat(names).contains("Alfa", "Bravo", "Charlie", "Delta", "Echo");
    }

    @Test
    void unknownIdsAre404() {
        assertThat(api.get("/api/v1/municipalities/" + UUID.randomUUID()).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/wijken/" + UUID.randomUUID()).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/wijkplatforms/" + UUID.randomUUID()).send().status()).isEqualTo(404);
    }

    @Test
    void municipalitiesArePublic() {
        ApiResponse response = api.get("/api/v1/municipalities").query("limit", 100).send();
        assertThat(response.status()).isEqualTo(200);
        ApiResponse one = api.get("/api/v1/municipalities/" + municipality.id()).send();
        assertThat(one.text("/name")).isEqualTo(municipality.name());
    }
}
