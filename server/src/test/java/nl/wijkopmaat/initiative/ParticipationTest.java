package nl.wijkopmaat.initiative;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taking part needs a verified address and happens in one's own municipality; reading and keeping
 * drafts does not.
 */
@MicronautTest(transactional = false)
class ParticipationTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    @Test
    void anUnverifiedAccountReadsAndKeepsDraftsButCannotSubmitSupportOrCommentUntilVerified() {
        InitiativeWorld world = new InitiativeWorld(api, fixtures);
        String published = world.inStatus("SUBMITTED", null);
        Person newcomer = fixtures.unverifiedResident(world.municipality.id());

        assertThat(api.get("/api/v1/initiatives/" + published).token(newcomer.accessToken()).send().status())
                .isEqualTo(200);
        ApiResponse draft = api.post("/api/v1/initiatives").token(newcomer.accessToken())
                .json(world.content("Bankjes in het park")).send();
        assertThat(draft.status()).as("drafts are kept").isEqualTo(201);
        String draftId = draft.text("/id");
        assertThat(api.patch("/api/v1/initiatives/" + draftId).token(newcomer.accessToken())
                .json(Map.of("title", "Drie bankjes in het park")).send().status()).isEqualTo(200);

        assertForbidden(world.status(newcomer, draftId, "SUBMIT"), "problem.forbidden.unverified");
        assertForbidden(support(newcomer, published), "problem.forbidden.unverified");
        assertForbidden(comment(newcomer, published), "problem.forbidden.unverified");

        fixtures.verify(newcomer);
        assertThat(world.status(newcomer, draftId, "SUBMIT").status()).isEqualTo(201);
        assertThat(support(newcomer, published).status()).isEqualTo(200);
        assertThat(comment(newcomer, published).status()).isEqualTo(201);
    }

    @Test
    void residentsSubmitSupportAndCommentOnlyInTheMunicipalityTheyRegisteredIn() {
        InitiativeWorld world = new InitiativeWorld(api, fixtures);
        String published = world.inStatus("SUBMITTED", null);
        Person elsewhere = fixtures.resident(fixtures.municipality().id());

        assertThat(api.get("/api/v1/initiatives/" + published).token(elsewhere.accessToken()).send().status())
                .as("reading is open").isEqualTo(200);
        assertForbidden(support(elsewhere, published), "problem.forbidden.otherMunicipality");
        assertForbidden(comment(elsewhere, published), "problem.forbidden.otherMunicipality");
        ApiResponse draft = api.post("/api/v1/initiatives").token(elsewhere.accessToken())
                .json(world.content("Ergens anders")).send();
        assertThat(draft.status()).isEqualTo(201);
        assertForbidden(world.status(elsewhere, draft.text("/id"), "SUBMIT"), "problem.forbidden.otherMunicipality");

        assertThat(support(world.neighbour, published).status()).as("a resident of the municipality").isEqualTo(200);
    }

    private ApiResponse support(Person person, String id) {
        return api.post("/api/v1/initiatives/" + id + "/supports").token(person.accessToken()).send();
    }

    private ApiResponse comment(Person person, String id) {
        return api.post("/api/v1/initiatives/" + id + "/comments").token(person.accessToken())
                .json(Map.of("body", "Goed plan!")).send();
    }

    private void assertForbidden(ApiResponse response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        String expected = code.equals("problem.forbidden.unverified")
                ? "Bevestig eerst je e-mailadres" : "Je doet mee in de gemeente waar je geregistreerd bent";
        assertThat(response.text("/detail")).startsWith(expected);
    }
}
