package nl.wijkopmaat.challenge;

import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality with two wijken and the people around Right to Challenge: the chair and secretary
 * of the first wijk's platform, the chair of the other, an official, and residents who start and join
 * proposals. Every step goes through the HTTP API, and every proposal can be brought to any status.
 */
class ChallengeWorld {

    static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");

    final Api api;
    final Fixtures fixtures;
    final MunicipalityView municipality;
    final WijkDetail wijk;
    final WijkDetail otherWijk;
    final Person chair;
    final Person secretary;
    final Person otherChair;
    final Person official;

    ChallengeWorld(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "Het Kerkplein");
        otherWijk = fixtures.wijk(municipality.id(), "De Lijnbaan");
        chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        secretary = fixtures.withRole(municipality.id(), Role.SECRETARY, wijk.wijkplatform().id());
        otherChair = fixtures.withRole(municipality.id(), Role.CHAIR, otherWijk.wijkplatform().id());
        official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
    }

    Person resident() {
        return fixtures.resident(municipality.id());
    }

    /** A proposal and its group: the contact person who drafted it and a second member. */
    record Proposal(String id, Person contact, Person member) {
    }

    static Map<String, Object> content() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Groenonderhoud Kerkpark " + UUID.randomUUID().toString().substring(0, 6));
        body.put("task", "Het maaien, snoeien en schoonhouden van het Kerkpark.");
        body.put("groupName", "Buurtvereniging Kerkpark");
        body.put("legalForm", "ASSOCIATION");
        body.put("plan", "Twintig buren onderhouden het park elke zaterdag, met een hovenier als begeleider.");
        body.put("requestedBudgetCentsPerYear", 1_800_000);
        body.put("socialValue", "Buren leren elkaar kennen en jongeren doen werkervaring op.");
        body.put("supportDescription", "Twee buurtavonden en een handtekeningenlijst.");
        body.put("supporterCount", 64);
        return body;
    }

    ApiResponse create(Person initiator, Map<String, Object> content) {
        Map<String, Object> body = new HashMap<>(content);
        body.putIfAbsent("wijkId", wijk.id().toString());
        return api.post("/api/v1/challenges").token(initiator.accessToken()).json(body).send();
    }

    Proposal draft() {
        Person contact = resident();
        String id = created(create(contact, content()));
        Person member = resident();
        assertThat(join(member, id).status()).isEqualTo(201);
        return new Proposal(id, contact, member);
    }

    ApiResponse join(Person person, String id) {
        return api.post("/api/v1/challenges/" + id + "/members").token(person.accessToken()).send();
    }

    ApiResponse step(Person actor, String id, String action) {
        return api.post("/api/v1/challenges/" + id + "/status-changes").token(actor.accessToken())
                .json(Map.of("action", action)).send();
    }

    ApiResponse eligibility(Person actor, String id, boolean eligible) {
        Map<String, Object> body = new HashMap<>();
        body.put("eligible", eligible);
        body.put("reason", eligible ? "Het groenonderhoud is een gemeentelijke, niet-wettelijke taak."
                : "Dit is een wettelijke taak.");
        if (eligible) {
            body.put("currentCostCentsPerYear", 2_400_000);
        }
        return api.put("/api/v1/challenges/" + id + "/eligibility").token(actor.accessToken()).json(body).send();
    }

    ApiResponse advise(Person actor, String id, String position) {
        return api.put("/api/v1/challenges/" + id + "/advice").token(actor.accessToken())
                .json(Map.of("position", position, "motivation", "Het platform steunt dit: het park wordt van de buurt."))
                .send();
    }

    static Map<String, Object> assessmentBody(String decision) {
        Map<String, Object> scores = new LinkedHashMap<>();
        for (String criterion : List.of("quality", "cost", "socialValue", "support", "ownership")) {
            scores.put(criterion, Map.of("score", 4, "motivation", "Goed onderbouwd (" + criterion + ")."));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("scores", scores);
        body.put("decision", decision);
        body.put("decidingBody", "College van burgemeester en wethouders");
        body.put("decisionDate", LocalDate.now(MUNICIPAL_TIME).minusDays(1).toString());
        body.put("decisionMotivation", "De groep doet het beter en goedkoper.");
        return body;
    }

    ApiResponse assess(Person actor, String id, String decision) {
        return api.put("/api/v1/challenges/" + id + "/assessment").token(actor.accessToken())
                .json(assessmentBody(decision)).send();
    }

    static Map<String, Object> agreementBody(LocalDate start, List<LocalDate> moments) {
        Map<String, Object> body = new HashMap<>();
        body.put("taskDescription", "Onderhoud van het groen in het Kerkpark volgens het beeldkwaliteitplan.");
        body.put("budgetCentsPerYear", 1_750_000);
        body.put("startDate", start.toString());
        body.put("endDate", start.plusYears(2).toString());
        body.put("reportingMoments", moments.stream().map(LocalDate::toString).toList());
        body.put("contactPersons", List.of("Wijkregisseur Kerkplein", "Voorzitter Buurtvereniging"));
        return body;
    }

    ApiResponse agree(Person actor, String id, LocalDate start, List<LocalDate> moments) {
        return api.put("/api/v1/challenges/" + id + "/agreement").token(actor.accessToken())
                .json(agreementBody(start, moments)).send();
    }

    /** An agreement that starts today, with reporting moments in 3 and 6 months. */
    ApiResponse agreeFromToday(String id) {
        LocalDate today = LocalDate.now(MUNICIPAL_TIME);
        return agree(official, id, today, List.of(today.plusMonths(3), today.plusMonths(6)));
    }

    ApiResponse report(Person actor, String id, LocalDate moment) {
        return api.post("/api/v1/challenges/" + id + "/progress-reports").token(actor.accessToken())
                .json(Map.of("reportingMoment", moment.toString(), "text", "Het park is gemaaid en gesnoeid.",
                        "spentCents", 420_050))
                .send();
    }

    ApiResponse evaluate(Person actor, String id) {
        return api.put("/api/v1/challenges/" + id + "/evaluation").token(actor.accessToken())
                .json(Map.of("outcome", "CONTINUE", "summary", "Het park is beter onderhouden dan voorheen."))
                .send();
    }

    /** A fresh proposal brought through the API to {@code status}. */
    Proposal in(String status) {
        Proposal p = draft();
        List<String> path = switch (status) {
            case "DRAFT" -> List.of();
            case "INTAKE" -> List.of("intake");
            case "ELIGIBLE" -> List.of("intake", "eligible");
            case "NOT_ELIGIBLE" -> List.of("intake", "notEligible");
            case "SUBMITTED" -> List.of("intake", "eligible", "plan");
            case "ADVISED" -> List.of("intake", "eligible", "plan", "advice");
            case "IN_ASSESSMENT" -> List.of("intake", "eligible", "plan", "advice", "assessment");
            case "ACCEPTED" -> List.of("intake", "eligible", "plan", "advice", "assessment", "ACCEPTED");
            case "REJECTED" -> List.of("intake", "eligible", "plan", "advice", "assessment", "REJECTED");
            case "CO_CREATION" -> List.of("intake", "eligible", "plan", "advice", "assessment", "CO_CREATION");
            case "IN_EXECUTION" -> List.of("intake", "eligible", "plan", "advice", "assessment", "ACCEPTED", "agreement");
            case "EVALUATED" -> List.of("intake", "eligible", "plan", "advice", "assessment", "ACCEPTED", "agreement",
                    "evaluation");
            case "WITHDRAWN" -> List.of("intake", "withdraw");
            default -> throw new IllegalArgumentException(status);
        };
        for (String step : path) {
            ApiResponse response = switch (step) {
                case "intake" -> step(p.contact(), p.id(), "SUBMIT_INTAKE");
                case "eligible" -> eligibility(official, p.id(), true);
                case "notEligible" -> eligibility(official, p.id(), false);
                case "plan" -> step(p.contact(), p.id(), "SUBMIT_PLAN");
                case "advice" -> advise(chair, p.id(), "SUPPORT");
                case "assessment" -> step(official, p.id(), "START_ASSESSMENT");
                case "agreement" -> agreeFromToday(p.id());
                case "evaluation" -> evaluate(official, p.id());
                case "withdraw" -> step(p.contact(), p.id(), "WITHDRAW");
                default -> assess(official, p.id(), step);
            };
            assertThat(response.status()).as(step + ": " + response.body()).isBetween(200, 201);
        }
        assertThat(get(p.contact(), p.id()).text("/status")).isEqualTo(status);
        return p;
    }

    ApiResponse get(Person viewer, String id) {
        return api.get("/api/v1/challenges/" + id).token(viewer.accessToken()).send();
    }

    List<String> history(String id) {
        List<String> steps = new ArrayList<>();
        api.get("/api/v1/challenges/" + id + "/status-changes").query("limit", 100).send().json().get("items")
                .forEach(item -> steps.add(item.get("fromStatus").asText() + ">" + item.get("action").asText() + ">"
                        + item.get("toStatus").asText()));
        return steps;
    }

    static String created(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("/id");
    }
}
