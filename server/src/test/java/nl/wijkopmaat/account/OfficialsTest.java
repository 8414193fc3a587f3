package nl.wijkopmaat.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OfficialsTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    StatementCounter statements;

    MunicipalityView municipality;
    List<Person> officials;
    Person admin;
    String path;

    @BeforeEach
    void setUp() {
        municipality = fixtures.municipality();
        officials = IntStream.range(0, 5)
                .mapToObj(i -> fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id())).toList();
        admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        path = "/api/v1/municipalities/" + municipality.id() + "/officials";
    }

    private List<JsonNode> allPages(Person caller, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Api.Call call = api.get(path).token(caller.accessToken()).query("limit", limit);
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            ApiResponse page = call.send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(items::add);
            cursor = page.json().get("nextCursor").isNull() ? null : page.text("/nextCursor");
        } while (cursor != null);
        return items;
    }

    @Test
    void officialsAndAdminsListTheOfficialsByIdAndNameOnly() {
        List<String> expected = officials.stream().map(official -> official.id().toString()).toList();
        for (Person caller : List.of(officials.get(0), admin)) {
            List<JsonNode> items = allPages(caller, 2);
            assertThat(items).extracting(item -> item.get("id").asText()).containsExactlyInAnyOrderElementsOf(expected)
                    .doesNotHaveDuplicates();
            for (JsonNode item : items) {
                List<String> fields = new ArrayList<>();
                item.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).containsExactly("id", "displayName");
                assertThat(item.get("displayName").asText()).startsWith("Bewoner");
            }
        }
    }

    @Test
    void onlyOfficialsOfThisMunicipalityAreListed() {
        MunicipalityView elsewhere = fixtures.municipality();
        Person foreignOfficial = fixtures.withRole(elsewhere.id(), Role.OFFICIAL, elsewhere.id());
        List<String> ids = allPages(admin, 100).stream().map(item -> item.get("id").asText()).toList();
        assertThat(ids).doesNotContain(admin.id().toString(), foreignOfficial.id().toString()).hasSize(officials.size());
    }

    @Test
    void residentsAndOtherMunicipalitiesOfficialsMayNotList() {
        Person resident = fixtures.resident(municipality.id());
        MunicipalityView elsewhere = fixtures.municipality();
        Person foreignOfficial = fixtures.withRole(elsewhere.id(), Role.OFFICIAL, elsewhere.id());
        assertThat(api.get(path).token(resident.accessToken()).send().status()).isEqualTo(403);
        assertThat(api.get(path).token(foreignOfficial.accessToken()).send().status()).isEqualTo(403);
        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/municipalities/" + UUID.randomUUID() + "/officials").token(admin.accessToken()).send()
                .status()).isEqualTo(404);
    }

    @Test
    void aPageCostsTheSameStatementsHoweverManyOfficialsItHolds() {
        Person caller = officials.get(0);
        statements.reset();
        api.get(path).token(caller.accessToken()).query("limit", 1).send();
        int forOne = statements.count();
        statements.reset();
        ApiResponse all = api.get(path).token(caller.accessToken()).query("limit", 100).send();
        assertThat(all.json().get("items")).hasSize(officials.size());
        assertThat(statements.count()).isEqualTo(forOne);
    }
}
