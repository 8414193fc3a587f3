package nl.wijkopmaat.initiative;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class InitiativePrivacyTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    InitiativeService service;

    @Test
    void theExportHoldsInitiativesSupportsAndComments() {
        InitiativeWorld world = new InitiativeWorld(api, fixtures);
        String own = world.inStatus("SUBMITTED", service);
        String other = world.createDraft();
        world.status(world.author, other, "SUBMIT");
        api.post("/api/v1/initiatives/" + own + "/comments").token(world.neighbour.accessToken())
                .json(Map.of("body", "Goed idee")).send();
        api.post("/api/v1/initiatives/" + own + "/supports").token(world.neighbour.accessToken()).send();

        ApiResponse authorExport = api.get("/api/v1/me/export").token(world.author.accessToken()).send();
        assertThat(authorExport.json().at("/sections/initiatives/initiatives").findValuesAsText("id")).contains(own, other);

        ApiResponse neighbourExport = api.get("/api/v1/me/export").token(world.neighbour.accessToken()).send();
        assertThat(neighbourExport.json().at("/sections/initiatives/supports").get(0).asText()).isEqualTo(own);
        assertThat(neighbourExport.text("/sections/initiatives/comments/0/body")).isEqualTo("Goed idee");
    }

    @Test
    void erasureKeepsPublishedWorkButDetachesThePerson() {
        InitiativeWorld world = new InitiativeWorld(api, fixtures);
        String published = world.inStatus("SUBMITTED", service);
        String draft = world.createDraft();
        String neighboursOwn = api.post("/api/v1/initiatives").token(world.neighbour.accessToken())
                .json(world.content("Bankje bij de haven")).send().text("/id");
        world.status(world.neighbour, neighboursOwn, "SUBMIT");
        api.post("/api/v1/initiatives/" + neighboursOwn + "/supports").token(world.author.accessToken()).send();
        api.post("/api/v1/initiatives/" + neighboursOwn + "/comments").token(world.author.accessToken())
                .json(Map.of("body", "Ik doe mee")).send();

        assertThat(fixtures.erase(world.author).status()).isEqualTo(204);

        ApiResponse kept = api.get("/api/v1/initiatives/" + published).send();
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().get("author").isNull()).isTrue();
        assertThat(api.get("/api/v1/initiatives/" + draft).token(world.neighbour.accessToken()).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/initiatives/" + neighboursOwn).send().json().get("supportCount").asInt())
                .as("their support is gone").isZero();
        ApiResponse comments = api.get("/api/v1/initiatives/" + neighboursOwn + "/comments").send();
        assertThat(comments.text("/items/0/body")).isEqualTo("Ik doe mee");
        assertThat(comments.json().at("/items/0/author").isNull()).isTrue();
        assertThat(api.get("/api/v1/initiatives/" + published + "/status-changes").send().json().at("/items/0/actor").isNull())
                .isTrue();
    }
}
