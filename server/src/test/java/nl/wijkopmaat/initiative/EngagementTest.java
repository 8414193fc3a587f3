package nl.wijkopmaat.initiative;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class EngagementTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    InitiativeService service;
    @Inject
    RecordedInitiativeEvents events;

    InitiativeWorld world;

    @BeforeEach
    void setUp() {
        world = new InitiativeWorld(api, fixtures);
    }

    private ApiResponse support(Person person, String id) {
        return api.post("/api/v1/initiatives/" + id + "/supports").token(person.accessToken()).send();
    }

    @Test
    void supportingTwiceCountsOnceAndCanBeWithdrawn() {
        String id = world.inStatus("SUBMITTED", service);
        ApiResponse first = support(world.neighbour, id);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("supportCount").asInt()).isEqualTo(1);
        assertThat(support(world.neighbour, id).json().get("supportCount").asInt()).isEqualTo(1);

        ApiResponse seen = world.get(world.neighbour, id);
        assertThat(seen.json().get("supportCount").asInt()).isEqualTo(1);
        assertThat(seen.json().get("supportedByMe").asBoolean()).isTrue();
        assertThat(world.get(world.official, id).json().get("supportedByMe").asBoolean()).isFalse();

        ApiResponse withdrawn = api.delete("/api/v1/initiatives/" + id + "/supports/me").token(world.neighbour.accessToken()).send();
        assertThat(withdrawn.json().get("supportCount").asInt()).isZero();
        assertThat(world.get(world.neighbour, id).json().get("supportCount").asInt()).isZero();
    }

    @Test
    void theAuthorCannotSupportTheirOwnInitiative() {
        String id = world.inStatus("SUBMITTED", service);
        ApiResponse response = support(world.author, id);
        assertThat(response.status()).isEqualTo(409);
        assertThat(world.get(world.author, id).json().get("supportCount").asInt()).isZero();
    }

    @Test
    void supportIsOpenFromSubmissionUntilTheWorkIsDone() {
        assertThat(support(world.neighbour, world.inStatus("DRAFT", service)).status()).isEqualTo(404);
        assertThat(support(world.neighbour, world.inStatus("REJECTED", service)).status()).isEqualTo(409);
        assertThat(support(world.neighbour, world.inStatus("COMPLETED", service)).status()).isEqualTo(409);
        assertThat(support(world.neighbour, world.inStatus("IN_PROGRESS", service)).status()).isEqualTo(200);
    }

    @Test
    void racingSupportsOfOnePersonCountOnce() {
        String id = world.inStatus("SUBMITTED", service);
        Person other = fixtures.resident(world.municipality.id());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> support(i % 2 == 0 ? world.neighbour : other, id).status(), pool))
                    .toList().stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdown();
        }
        assertThat(world.get(world.author, id).json().get("supportCount").asInt()).isEqualTo(2);
    }

    @Test
    void commentsCanBeDeletedByTheirWriterAndHiddenByTheChair() {
        String id = world.inStatus("SUBMITTED", service);
        String comments = "/api/v1/initiatives/" + id + "/comments";
        ApiResponse kind = api.post(comments).token(world.neighbour.accessToken()).json(Map.of("body", "Ik help mee!")).send();
        ApiResponse rude = api.post(comments).token(world.neighbour.accessToken()).json(Map.of("body", "Iets onaardigs")).send();
        ApiResponse regret = api.post(comments).token(world.official.accessToken()).json(Map.of("body", "Vergissing")).send();
        assertThat(kind.status()).isEqualTo(201);
        assertThat(kind.text("/author/displayName")).isNotBlank();

        assertThat(api.delete(comments + "/" + regret.text("/id")).token(world.neighbour.accessToken()).send().status())
                .as("only the writer deletes").isEqualTo(403);
        assertThat(api.delete(comments + "/" + regret.text("/id")).token(world.official.accessToken()).send().status())
                .isEqualTo(204);

        String hide = comments + "/" + rude.text("/id") + "/hidden";
        assertThat(api.put(hide).token(world.neighbour.accessToken()).json(Map.of("reason", "x")).send().status()).isEqualTo(403);
        assertThat(api.put(hide).token(world.otherChair.accessToken()).json(Map.of("reason", "x")).send().status()).isEqualTo(403);
        ApiResponse hidden = api.put(hide).token(world.chair.accessToken()).json(Map.of("reason", "Niet respectvol")).send();
        assertThat(hidden.status()).isEqualTo(200);

        ApiResponse publicList = api.get(comments).send();
        assertThat(publicList.json().get("items")).hasSize(2);
        assertThat(publicList.text("/items/0/body")).isEqualTo("Ik help mee!");
        assertThat(publicList.json().at("/items/1/hidden").asBoolean()).isTrue();
        assertThat(publicList.json().at("/items/1/body").isNull()).as("no text for residents").isTrue();
        assertThat(publicList.text("/items/1/hiddenReason")).isEqualTo("Niet respectvol");
        assertThat(api.get(comments).token(world.chair.accessToken()).send().text("/items/1/body")).isEqualTo("Iets onaardigs");
    }

    @Test
    void pagingThroughCommentsSurvivesADeletedComment() {
        String id = world.inStatus("SUBMITTED", service);
        String comments = "/api/v1/initiatives/" + id + "/comments";
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(api.post(comments).token(world.neighbour.accessToken()).json(Map.of("body", "Reactie " + i)).send().text("/id"));
        }
        ApiResponse first = api.get(comments).query("limit", 2).send();
        assertThat(api.delete(comments + "/" + ids.get(1)).token(world.neighbour.accessToken()).send().status()).isEqualTo(204);
        ApiResponse rest = api.get(comments).query("limit", 10).query("cursor", first.text("/nextCursor")).send();
        assertThat(rest.json().get("items").findValuesAsText("body")).containsExactly("Reactie 3", "Reactie 4", "Reactie 5");
        assertThat(api.get(comments).query("limit", 10).send().json().get("items").findValuesAsText("body"))
                .containsExactly("Reactie 1", "Reactie 3", "Reactie 4", "Reactie 5");
    }

    @Test
    void aCommentIsBetweenOneAndTwoThousandCharacters() {
        String id = world.inStatus("SUBMITTED", service);
        String comments = "/api/v1/initiatives/" + id + "/comments";
        assertThat(api.post(comments).token(world.neighbour.accessToken()).invalidInput().json(Map.of("body", " ")).send().status())
                .isEqualTo(400);
        assertThat(api.post(comments).token(world.neighbour.accessToken()).invalidInput()
                .json(Map.of("body", "x".repeat(2001))).send().status()).isEqualTo(400);
        assertThat(api.get(comments).send().json().get("items")).isEmpty();
    }

    @Test
    void changesPublishEventsWithTheFactsThatDecideWhoHearsOfThem() {
        String id = world.inStatus("SUBMITTED", service);
        support(world.neighbour, id);
        world.assignOwner(world.official, id);
        world.review(world.chair, id, "APPROVE", null);
        String comments = "/api/v1/initiatives/" + id + "/comments";
        String comment = api.post(comments).token(world.neighbour.accessToken())
                .json(Map.of("body", "Gefeliciteerd!")).send().text("/id");
        api.put(comments + "/" + comment + "/hidden").token(world.chair.accessToken())
                .json(Map.of("reason", "Dubbel geplaatst")).send();

        List<InitiativeEvent> published = events.of(UUID.fromString(id));
        assertThat(published).extracting(InitiativeEvent::kind).containsExactly(InitiativeEvent.Kind.SUBMITTED,
                InitiativeEvent.Kind.OWNER_ASSIGNED, InitiativeEvent.Kind.APPROVED, InitiativeEvent.Kind.COMMENTED,
                InitiativeEvent.Kind.COMMENT_HIDDEN);
        InitiativeEvent approved = published.get(2);
        assertThat(approved.actorId()).isEqualTo(world.chair.id());
        assertThat(approved.authorId()).isEqualTo(world.author.id());
        assertThat(approved.ownerId()).isEqualTo(world.official.id());
        assertThat(approved.supporterIds()).containsExactly(world.neighbour.id());
        assertThat(approved.municipalityId()).isEqualTo(world.municipality.id());
        assertThat(approved.wijkId()).isEqualTo(world.wijk.id());
        assertThat(approved.automatic()).isFalse();
        InitiativeEvent hidden = published.get(4);
        assertThat(hidden.actorId()).isEqualTo(world.chair.id());
        assertThat(hidden.commentAuthorId()).isEqualTo(world.neighbour.id());
        assertThat(hidden.reason()).isEqualTo("Dubbel geplaatst");
    }

    @Test
    void everyStepOfTheLifecyclePublishesItsOwnKind() {
        String changed = world.inStatus("CHANGES_REQUESTED", service);
        world.status(world.author, changed, "RESUBMIT");
        world.status(world.author, changed, "WITHDRAW");
        assertThat(events.of(UUID.fromString(changed))).extracting(InitiativeEvent::kind).containsExactly(
                InitiativeEvent.Kind.SUBMITTED, InitiativeEvent.Kind.OWNER_ASSIGNED, InitiativeEvent.Kind.CHANGES_REQUESTED,
                InitiativeEvent.Kind.RESUBMITTED, InitiativeEvent.Kind.OWNER_ASSIGNED, InitiativeEvent.Kind.WITHDRAWN);

        String rejected = world.inStatus("REJECTED", service);
        assertThat(events.of(UUID.fromString(rejected))).extracting(InitiativeEvent::kind)
                .endsWith(InitiativeEvent.Kind.REJECTED);

        String completed = world.inStatus("COMPLETED", service);
        assertThat(events.of(UUID.fromString(completed))).extracting(InitiativeEvent::kind).endsWith(
                InitiativeEvent.Kind.APPROVED, InitiativeEvent.Kind.STARTED, InitiativeEvent.Kind.COMPLETED);

        String funded = world.inStatus("FUNDED", service);
        assertThat(events.of(UUID.fromString(funded))).extracting(InitiativeEvent::kind).endsWith(InitiativeEvent.Kind.FUNDED);
    }

    @Test
    void aRefusedChangePublishesNothing() {
        String id = world.inStatus("SUBMITTED", service);
        int before = events.of(UUID.fromString(id)).size();
        assertThat(world.review(world.official, id, "APPROVE", null).status()).isEqualTo(409);
        assertThat(events.of(UUID.fromString(id))).hasSize(before);
    }
}
