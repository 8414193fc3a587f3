package nl.wijkopmaat.initiative;

import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality with two wijken and the people around an initiative: its author, an official, the
 * chair of the wijk, a neighbour, and the chair of the other wijk. Steps go through the HTTP API.
 */
class InitiativeWorld {

    final Api api;
    final MunicipalityView municipality;
    final WijkDetail wijk;
    final WijkDetail otherWijk;
    final Person author;
    final Person official;
    final Person chair;
    final Person neighbour;
    final Person otherChair;

    InitiativeWorld(Api api, Fixtures fixtures) {
        this.api = api;
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "Binnenstad");
        otherWijk = fixtures.wijk(municipality.id(), "Havenkwartier");
        author = fixtures.resident(municipality.id());
        official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        neighbour = fixtures.resident(municipality.id());
        otherChair = fixtures.withRole(municipality.id(), Role.CHAIR, otherWijk.wijkplatform().id());
    }

    Map<String, Object> content(String title) {
        Map<String, Object> content = new HashMap<>();
        content.put("title", title);
        content.put("description", "Samen de speeltuin opknappen en een buurtfeest geven.");
        content.put("theme", "GROEN");
        content.put("wijkId", wijk.id().toString());
        content.put("buurtId", wijk.buurten().get(0).id().toString());
        content.put("locationText", "Speeltuin aan de Haven");
        content.put("requestedBudgetCents", 125_000);
        return content;
    }

    String createDraft() {
        ApiResponse created = api.post("/api/v1/initiatives").token(author.accessToken()).json(content("Speeltuin opknappen")).send();
        assertThat(created.status()).isEqualTo(201);
        return created.text("/id");
    }

    ApiResponse status(Person actor, String id, String action) {
        Map<String, Object> body = new HashMap<>(Map.of("action", action));
        if (action.equals("COMPLETE")) {
            body.put("resultReport", "De speeltuin is klaar en het feest was druk bezocht.");
        }
        return api.post("/api/v1/initiatives/" + id + "/status-changes").token(actor.accessToken()).json(body).send();
    }

    ApiResponse assignOwner(Person actor, String id) {
        return api.put("/api/v1/initiatives/" + id + "/owner").token(actor.accessToken())
                .json(Map.of("ownerId", official.id().toString())).send();
    }

    ApiResponse review(Person actor, String id, String decision, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", decision));
        if (reason != null) {
            body.put("reason", reason);
        }
        return api.post("/api/v1/initiatives/" + id + "/reviews").token(actor.accessToken()).json(body).send();
    }

    ApiResponse get(Person viewer, String id) {
        return api.get("/api/v1/initiatives/" + id).token(viewer.accessToken()).send();
    }

    /** Creates an initiative and walks it through the lifecycle to {@code target} the way people would. */
    String inStatus(String target, InitiativeService service) {
        String id = createDraft();
        switch (target) {
            case "DRAFT" -> { }
            case "SUBMITTED" -> ok(status(author, id, "SUBMIT"));
            case "IN_REVIEW" -> toReview(id);
            case "CHANGES_REQUESTED" -> {
                toReview(id);
                ok(review(official, id, "REQUEST_CHANGES", "Graag een begroting"));
            }
            case "APPROVED" -> approved(id);
            case "REJECTED" -> {
                toReview(id);
                ok(review(official, id, "REJECT", "Past niet in het wijkplan"));
            }
            case "FUNDED" -> {
                approved(id);
                service.markFunded(java.util.UUID.fromString(id), chair.id());
            }
            case "IN_PROGRESS" -> {
                approved(id);
                ok(status(chair, id, "START"));
            }
            case "COMPLETED" -> {
                approved(id);
                ok(status(chair, id, "START"));
                ok(status(chair, id, "COMPLETE"));
            }
            case "WITHDRAWN" -> ok(status(author, id, "WITHDRAW"));
            default -> throw new IllegalArgumentException(target);
        }
        assertThat(get(author, id).text("/status")).isEqualTo(target);
        return id;
    }

    private void toReview(String id) {
        ok(status(author, id, "SUBMIT"));
        ok(assignOwner(official, id));
    }

    private void approved(String id) {
        toReview(id);
        ok(review(official, id, "APPROVE", null));
    }

    private static void ok(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
    }
}
