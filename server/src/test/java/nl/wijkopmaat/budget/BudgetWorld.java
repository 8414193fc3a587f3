package nl.wijkopmaat.budget;

import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality with two wijken and the people around a wijkbudget: its admin, the chair and the
 * secretary of the wijk's platform, an official who answers initiatives, a resident who writes them,
 * a neighbour, and the chair of the other wijk. Every step goes through the HTTP API.
 */
class BudgetWorld {

    static final int YEAR = LocalDate.now(ZoneId.of("Europe/Amsterdam")).getYear();

    final Api api;
    final MunicipalityView municipality;
    final WijkDetail wijk;
    final WijkDetail otherWijk;
    final Person admin;
    final Person chair;
    final Person secretary;
    final Person official;
    final Person author;
    final Person neighbour;
    final Person otherChair;

    BudgetWorld(Api api, Fixtures fixtures) {
        this.api = api;
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "Binnenstad");
        otherWijk = fixtures.wijk(municipality.id(), "Havenkwartier");
        admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        chair = fixtures.withRole(municipality.id(), Role.CHAIR, wijk.wijkplatform().id());
        secretary = fixtures.withRole(municipality.id(), Role.SECRETARY, wijk.wijkplatform().id());
        official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        author = fixtures.resident(municipality.id());
        neighbour = fixtures.resident(municipality.id());
        otherChair = fixtures.withRole(municipality.id(), Role.CHAIR, otherWijk.wijkplatform().id());
    }

    UUID platform() {
        return wijk.wijkplatform().id();
    }

    String year(int year) {
        return "/api/v1/wijkplatforms/" + platform() + "/budgets/" + year;
    }

    String year() {
        return year(YEAR);
    }

    ApiResponse allocate(int year, long cents) {
        return api.put(year(year)).token(admin.accessToken()).json(Map.of("amountCents", cents)).send();
    }

    /** An initiative of {@code wijk}, submitted by the author and approved by the official. */
    String approvedInitiative(WijkDetail in) {
        String id = submitted(in);
        ok(api.put("/api/v1/initiatives/" + id + "/owner").token(official.accessToken())
                .json(Map.of("ownerId", official.id().toString())).send());
        ok(api.post("/api/v1/initiatives/" + id + "/reviews").token(official.accessToken())
                .json(Map.of("decision", "APPROVE")).send());
        return id;
    }

    String approvedInitiative() {
        return approvedInitiative(wijk);
    }

    String submitted(WijkDetail in) {
        Map<String, Object> content = new HashMap<>();
        content.put("title", "Moestuin " + UUID.randomUUID().toString().substring(0, 6));
        content.put("description", "Een moestuin voor de hele buurt.");
        content.put("theme", "GROEN");
        content.put("wijkId", in.id().toString());
        content.put("requestedBudgetCents", 100_000);
        ApiResponse created = api.post("/api/v1/initiatives").token(author.accessToken()).json(content).send();
        ok(created);
        String id = created.text("/id");
        ok(api.post("/api/v1/initiatives/" + id + "/status-changes").token(author.accessToken())
                .json(Map.of("action", "SUBMIT")).send());
        ok(api.post("/api/v1/initiatives/" + id + "/supports").token(neighbour.accessToken()).send());
        return id;
    }

    ApiResponse grant(Person actor, int year, String initiativeId, long cents, String key) {
        return api.post(year(year) + "/grants").token(actor.accessToken()).header("Idempotency-Key", key)
                .json(Map.of("initiativeId", initiativeId, "amountCents", cents)).send();
    }

    ApiResponse grant(Person actor, String initiativeId, long cents) {
        return grant(actor, YEAR, initiativeId, cents, UUID.randomUUID().toString());
    }

    ApiResponse payout(Person actor, String grantId, long cents) {
        return api.post("/api/v1/grants/" + grantId + "/payouts").token(actor.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("amountCents", cents, "paidOn", LocalDate.now().toString(), "reference", "Factuur 1")).send();
    }

    ApiResponse release(Person actor, String grantId, long cents) {
        return api.post("/api/v1/grants/" + grantId + "/releases").token(actor.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("amountCents", cents, "reason", "Niet alles nodig gehad")).send();
    }

    ApiResponse decide(Person actor, String grantId, String step) {
        return api.post("/api/v1/grants/" + grantId + "/" + step).token(actor.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
    }

    ApiResponse account(int year) {
        return api.get(year(year)).send();
    }

    ApiResponse ledger(Person reader, int year) {
        return api.get(year(year) + "/ledger").token(reader.accessToken()).query("limit", 100).send();
    }

    static void ok(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
    }
}
