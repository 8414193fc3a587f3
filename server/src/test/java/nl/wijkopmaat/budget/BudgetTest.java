package nl.wijkopmaat.budget;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.wijkopmaat.budget.BudgetWorld.YEAR;
import static nl.wijkopmaat.budget.BudgetWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wijkbudget through the HTTP API: allocation, contributions, grants with the four-eyes rule,
 * payouts and releases, year end, the public account and the ledger (also as CSV), the refusals,
 * idempotency, and the database refusing to change a ledger row.
 */
@MicronautTest(transactional = false)
class BudgetTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username:root}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    BudgetWorld world;

    @BeforeEach
    void world() {
        world = new BudgetWorld(api, fixtures);
    }

    @Test
    void anAllocationChangeIsRecordedAsTheDifference() {
        ok(world.allocate(YEAR, 1_000_000));
        ApiResponse lowered = world.allocate(YEAR, 800_000);
        assertThat(lowered.status()).isEqualTo(200);
        assertThat(lowered.json().get("allocatedCents").asLong()).isEqualTo(800_000);
        assertThat(lowered.json().get("availableCents").asLong()).isEqualTo(800_000);

        JsonNode entries = world.ledger(world.admin, YEAR).json().get("items");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("type").asText()).isEqualTo("ALLOCATION");
        assertThat(entries.get(0).get("amountCents").asLong()).isEqualTo(1_000_000);
        assertThat(entries.get(1).get("amountCents").asLong()).isEqualTo(-200_000);
        assertThat(entries.get(1).get("availableCents").asLong()).isEqualTo(800_000);
        assertThat(entries.get(1).get("actor").get("id").asText()).isEqualTo(world.admin.id().toString());

        assertThat(api.put(world.year()).token(world.chair.accessToken()).json(Map.of("amountCents", 5)).send().status())
                .isEqualTo(403);
        ApiResponse farAway = world.allocate(YEAR + 5, 100);
        assertThat(farAway.status()).isEqualTo(400);
        assertThat(farAway.text("/invalidParams/0/name")).isEqualTo("year");
        ApiResponse years = api.get("/api/v1/wijkplatforms/" + world.platform() + "/budgets").send();
        assertThat(years.json().get("items").get(0).get("year").asInt()).isEqualTo(YEAR);
    }

    @Test
    void contributionsAddMoneyAndAreListed() {
        ok(world.allocate(YEAR, 100_000));
        ApiResponse contribution = api.post(world.year() + "/contributions").token(world.chair.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("partnerName", "Woningcorporatie Maasdelta", "amountCents", 50_000, "note", "5 euro per huurwoning"))
                .send();
        assertThat(contribution.status()).isEqualTo(201);
        assertThat(contribution.json().get("availableCents").asLong()).isEqualTo(150_000);
        assertThat(world.account(YEAR).json().get("contributionsCents").asLong()).isEqualTo(50_000);
        JsonNode listed = api.get(world.year() + "/contributions").token(world.secretary.accessToken()).send().json();
        assertThat(listed.get("items").get(0).get("partnerName").asText()).isEqualTo("Woningcorporatie Maasdelta");
        assertThat(api.get(world.year() + "/contributions").token(world.neighbour.accessToken()).send().status())
                .isEqualTo(403);
    }

    @Test
    void aChairsGrantBelowTheThresholdIsCommittedAndFundsTheInitiative() {
        ok(world.allocate(YEAR, 1_000_000));
        String initiative = world.approvedInitiative();
        ApiResponse grant = world.grant(world.chair, initiative, 75_000);
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        assertThat(grant.text("/status")).isEqualTo("COMMITTED");
        assertThat(grant.header("Location")).isEqualTo("/api/v1/grants/" + grant.text("/id"));
        assertThat(api.get("/api/v1/initiatives/" + initiative).send().text("/status")).isEqualTo("FUNDED");

        ApiResponse topUp = world.grant(world.chair, initiative, 25_000);
        assertThat(topUp.status()).isEqualTo(201);
        JsonNode account = world.account(YEAR).json();
        assertThat(account.get("grantedCents").asLong()).isEqualTo(100_000);
        assertThat(account.get("availableCents").asLong()).isEqualTo(900_000);
        assertThat(account.get("grants")).hasSize(2);
        assertThat(account.get("grants").get(0).get("initiativeTitle").asText()).startsWith("Moestuin");
    }

    @Test
    void aGrantAtTheThresholdWaitsForASecondBoardMember() {
        ok(world.allocate(YEAR, 1_000_000));
        String initiative = world.approvedInitiative();
        ApiResponse pending = world.grant(world.chair, initiative, 300_000);
        assertThat(pending.status()).isEqualTo(201);
        assertThat(pending.text("/status")).isEqualTo("PENDING");
        String grant = pending.text("/id");
        JsonNode account = world.account(YEAR).json();
        assertThat(account.get("reservedCents").asLong()).isEqualTo(300_000);
        assertThat(account.get("availableCents").asLong()).isEqualTo(700_000);
        assertThat(api.get("/api/v1/initiatives/" + initiative).send().text("/status")).isEqualTo("APPROVED");

        assertThat(world.decide(world.chair, grant, "confirmation").status()).isEqualTo(403);
        assertThat(world.decide(world.neighbour, grant, "confirmation").status()).isEqualTo(403);
        assertThat(world.payout(world.chair, grant, 100).status()).isEqualTo(409);
        ApiResponse confirmed = world.decide(world.secretary, grant, "confirmation");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text("/status")).isEqualTo("COMMITTED");
        assertThat(api.get("/api/v1/initiatives/" + initiative).send().text("/status")).isEqualTo("FUNDED");
        account = world.account(YEAR).json();
        assertThat(account.get("reservedCents").asLong()).isZero();
        assertThat(account.get("grantedCents").asLong()).isEqualTo(300_000);
        assertThat(account.get("availableCents").asLong()).isEqualTo(700_000);
        assertThat(world.decide(world.secretary, grant, "cancellation").status()).isEqualTo(409);
    }

    @Test
    void cancellingAPendingGrantFreesTheMoney() {
        ok(world.allocate(YEAR, 1_000_000));
        String initiative = world.approvedInitiative();
        String grant = world.grant(world.chair, initiative, 300_000).text("/id");
        ApiResponse cancelled = world.decide(world.secretary, grant, "cancellation");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("/status")).isEqualTo("CANCELLED");
        JsonNode account = world.account(YEAR).json();
        assertThat(account.get("reservedCents").asLong()).isZero();
        assertThat(account.get("availableCents").asLong()).isEqualTo(1_000_000);
        assertThat(api.get("/api/v1/initiatives/" + initiative).send().text("/status")).isEqualTo("APPROVED");
        assertThat(world.decide(world.chair, grant, "confirmation").status()).isEqualTo(409);
    }

    @Test
    void aGrantTheSecretaryPreparesIsConfirmedByTheChair() {
        ok(world.allocate(YEAR, 1_000_000));
        String initiative = world.approvedInitiative();
        ApiResponse prepared = world.grant(world.secretary, initiative, 10_000);
        assertThat(prepared.text("/status")).isEqualTo("PENDING");
        assertThat(world.decide(world.secretary, prepared.text("/id"), "confirmation").status()).isEqualTo(403);
        assertThat(world.decide(world.chair, prepared.text("/id"), "confirmation").text("/status")).isEqualTo("COMMITTED");
    }

    @Test
    void grantsThatCannotBeAreRefused() {
        ok(world.allocate(YEAR, 1_000_000));
        String otherWijks = world.approvedInitiative(world.otherWijk);
        String notApproved = world.submitted(world.wijk);
        String approved = world.approvedInitiative();

        assertThat(world.grant(world.chair, otherWijks, 10_000).status()).isEqualTo(409);
        assertThat(world.grant(world.chair, notApproved, 10_000).status()).isEqualTo(409);
        assertThat(world.grant(world.neighbour, approved, 10_000).status()).isEqualTo(403);
        assertThat(world.grant(world.otherChair, approved, 10_000).status()).isEqualTo(403);
        ApiResponse tooMuch = world.grant(world.chair, approved, 2_000_000);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("availableCents").asLong()).isEqualTo(1_000_000);
        assertThat(tooMuch.text("/detail")).contains("10.000,00");

        for (Object amount : List.of(-100, 0, 12.5, "100")) {
            Map<String, Object> body = new HashMap<>(Map.of("initiativeId", approved));
            body.put("amountCents", amount);
            ApiResponse refused = api.post(world.year() + "/grants").token(world.chair.accessToken())
                    .header("Idempotency-Key", UUID.randomUUID().toString()).json(body).invalidInput().send();
            assertThat(refused.status()).as(String.valueOf(amount)).isEqualTo(400);
            assertThat(refused.text("/invalidParams/0/name")).isEqualTo("amountCents");
        }
        ApiResponse unknown = world.grant(world.chair, UUID.randomUUID().toString(), 10_000);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/invalidParams/0/name")).isEqualTo("initiativeId");
        ApiResponse withoutKey = api.post(world.year() + "/grants").token(world.chair.accessToken())
                .json(Map.of("initiativeId", approved, "amountCents", 10_000)).invalidInput().send();
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(withoutKey.text("/invalidParams/0/name")).isEqualTo("Idempotency-Key");
        assertThat(world.account(YEAR).json().get("availableCents").asLong()).isEqualTo(1_000_000);
        assertThat(world.account(YEAR).json().get("grants")).isEmpty();
    }

    @Test
    void aRetriedGrantIsMadeOnceAndAKeyIsForOneRequest() {
        ok(world.allocate(YEAR, 1_000_000));
        String initiative = world.approvedInitiative();
        String key = UUID.randomUUID().toString();
        ApiResponse first = world.grant(world.chair, YEAR, initiative, 10_000, key);
        ApiResponse retry = world.grant(world.chair, YEAR, initiative, 10_000, key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("/id")).isEqualTo(first.text("/id"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(world.grant(world.chair, YEAR, initiative, 20_000, key).status()).isEqualTo(409);
        JsonNode account = world.account(YEAR).json();
        assertThat(account.get("grants")).hasSize(1);
        assertThat(account.get("availableCents").asLong()).isEqualTo(990_000);
    }

    @Test
    void payoutsAndReleasesStayWithinTheGrant() {
        ok(world.allocate(YEAR, 1_000_000));
        String grant = world.grant(world.chair, world.approvedInitiative(), 100_000).text("/id");
        assertThat(world.payout(world.chair, grant, 60_000).status()).isEqualTo(201);
        assertThat(world.payout(world.secretary, grant, 1_000).status()).isEqualTo(403);
        ApiResponse release = world.release(world.chair, grant, 30_000);
        assertThat(release.status()).isEqualTo(201);
        assertThat(release.json().get("availableCents").asLong()).isEqualTo(930_000);
        ApiResponse over = world.payout(world.chair, grant, 10_001);
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().get("availableCents").asLong()).isEqualTo(10_000);
        assertThat(world.release(world.chair, grant, 10_001).status()).isEqualTo(409);

        JsonNode payouts = api.get("/api/v1/grants/" + grant + "/payouts").token(world.secretary.accessToken()).send().json();
        assertThat(payouts.get("items")).hasSize(1);
        assertThat(payouts.get("items").get(0).get("reference").asText()).isEqualTo("Factuur 1");
        JsonNode releases = api.get("/api/v1/grants/" + grant + "/releases").token(world.admin.accessToken()).send().json();
        assertThat(releases.get("items").get(0).get("reason").asText()).isEqualTo("Niet alles nodig gehad");
        JsonNode account = world.account(YEAR).json();
        assertThat(account.get("paidCents").asLong()).isEqualTo(60_000);
        assertThat(account.get("releasedCents").asLong()).isEqualTo(30_000);
        assertThat(account.get("grants").get(0).get("paidCents").asLong()).isEqualTo(60_000);

        ApiResponse badPayout = api.post("/api/v1/grants/" + grant + "/payouts").token(world.chair.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("amountCents", 0, "paidOn", "gisteren", "reference", " ")).invalidInput().send();
        assertThat(badPayout.status()).isEqualTo(400);
        List<String> names = new ArrayList<>();
        badPayout.json().get("invalidParams").forEach(param -> names.add(param.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("amountCents", "paidOn", "reference");
    }

    @Test
    void closingAYearCarriesWhatIsLeftIntoTheNext() {
        int last = YEAR - 1;
        ok(world.allocate(last, 500_000));
        String initiative = world.approvedInitiative();
        String grant = world.grant(world.chair, last, initiative, 120_000, UUID.randomUUID().toString()).text("/id");
        String pending = world.grant(world.chair, last, initiative, 300_000, UUID.randomUUID().toString()).text("/id");
        assertThat(api.post(world.year(last) + "/closing").token(world.chair.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString()).send().status()).isEqualTo(403);

        ApiResponse closed = api.post(world.year(last) + "/closing").token(world.admin.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("closed").asBoolean()).isTrue();
        assertThat(closed.json().get("carriedOverOutCents").asLong()).isEqualTo(80_000);
        assertThat(closed.json().get("availableCents").asLong()).isZero();
        JsonNode next = world.account(YEAR).json();
        assertThat(next.get("carriedOverInCents").asLong()).isEqualTo(80_000);
        assertThat(next.get("availableCents").asLong()).isEqualTo(80_000);

        ApiResponse lateGrant = world.grant(world.chair, last, initiative, 1_000, UUID.randomUUID().toString());
        assertThat(lateGrant.status()).isEqualTo(409);
        assertThat(api.post(world.year(last) + "/closing").token(world.admin.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString()).send().status()).isEqualTo(409);
        assertThat(api.post(world.year(YEAR + 1) + "/closing").token(world.admin.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString()).send().status()).isEqualTo(409);
        assertThat(api.post(world.year(1999) + "/closing").token(world.admin.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString()).send().status()).isEqualTo(404);

        // Released later, and a cancelled reservation: both follow the policy at once.
        assertThat(world.release(world.chair, grant, 20_000).status()).isEqualTo(201);
        assertThat(world.decide(world.secretary, pending, "cancellation").status()).isEqualTo(200);
        assertThat(world.account(last).json().get("availableCents").asLong()).isZero();
        assertThat(world.account(last).json().get("carriedOverOutCents").asLong()).isEqualTo(400_000);
        assertThat(world.account(YEAR).json().get("availableCents").asLong()).isEqualTo(400_000);
    }

    @Test
    void withTheReturnPolicyWhatIsLeftGoesBack() {
        ApiResponse settings = api.put("/api/v1/municipalities/" + world.municipality.id() + "/budget-settings")
                .token(world.admin.accessToken()).json(Map.of("grantThresholdCents", 100_000, "yearEndPolicy", "RETURN")).send();
        assertThat(settings.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/municipalities/" + world.municipality.id() + "/budget-settings").send()
                .text("/yearEndPolicy")).isEqualTo("RETURN");
        ok(world.allocate(YEAR - 1, 500_000));
        assertThat(world.grant(world.chair, YEAR - 1, world.approvedInitiative(), 100_000, UUID.randomUUID().toString())
                .text("/status")).isEqualTo("PENDING");
        JsonNode closed = api.post(world.year(YEAR - 1) + "/closing").token(world.admin.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString()).send().json();
        assertThat(closed.get("returnedCents").asLong()).isEqualTo(400_000);
        assertThat(world.account(YEAR).json().get("carriedOverInCents").asLong()).isZero();
    }

    @Test
    void theCsvHasTheColumnsCommaDecimalsAndTheRunningBalanceOfTheAccount() {
        ok(world.allocate(YEAR, 1_000_050));
        String grant = world.grant(world.chair, world.approvedInitiative(), 123_456).text("/id");
        ok(world.payout(world.chair, grant, 23_456));
        ok(api.post(world.year() + "/contributions").token(world.admin.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("partnerName", "=HYPERLINK(\"http://example.org\")", "amountCents", 1_000)).send());

        ApiResponse csv = api.get(world.year() + "/ledger").token(world.secretary.accessToken())
                .header("Accept", "text/csv").send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF");
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "Datum;Soort;Bedrag (EUR);Beschikbaar (EUR);Initiatief;Partner;Betaald op;Referentie;Reden;Door");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1).split(";")[2]).isEqualTo("10000,50");
        assertThat(lines.get(2).split(";")[1]).isEqualTo("GRANT_COMMITTED");
        assertThat(lines.get(2).split(";")[2]).isEqualTo("1234,56");
        assertThat(lines.get(2).split(";")[4]).startsWith("Moestuin");
        assertThat(lines.get(3).split(";")[2]).isEqualTo("234,56");
        assertThat(lines.get(4)).contains(";\"'=HYPERLINK(\"\"http://example.org\"\")\";");
        String lastBalance = lines.get(4).split(";")[3];
        long available = world.account(YEAR).json().get("availableCents").asLong();
        assertThat(lastBalance).isEqualTo(String.format("%d,%02d", available / 100, available % 100));
        assertThat(available).isEqualTo(1_000_050 - 123_456 + 1_000);

        ApiResponse english = api.get(world.year() + "/ledger").token(world.admin.accessToken())
                .header("Accept", "text/csv").header("Accept-Language", "en").send();
        assertThat(english.body().substring(1).lines().findFirst().orElseThrow()).startsWith("Date;Type;Amount (EUR)");
        assertThat(api.get(world.year() + "/ledger").token(world.neighbour.accessToken()).send().status()).isEqualTo(403);
        assertThat(api.get(world.year() + "/ledger").send().status()).isEqualTo(401);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteALedgerEntry() throws SQLException {
        ok(world.allocate(YEAR, 1_000));
        String entry = world.ledger(world.admin, YEAR).text("/items/0/id");
        try (Connection db = DriverManager.getConnection(url, username, password); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE budget_entry SET amount_cents = 999999 WHERE id = '" + entry + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM budget_entry WHERE id = '" + entry + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(world.ledger(world.admin, YEAR).json().get("items").get(0).get("amountCents").asLong()).isEqualTo(1_000);
    }

    @Test
    void theBoardAndTheInitiativesPeopleHearAboutTheMoney() {
        ok(world.allocate(YEAR, 1_000_000));
        String initiative = world.approvedInitiative();
        String pending = world.grant(world.chair, initiative, 300_000).text("/id");
        assertThat(kinds(world.secretary)).contains("GRANT_PENDING");
        ok(world.decide(world.secretary, pending, "confirmation"));
        ok(world.payout(world.chair, pending, 1_000));
        assertThat(kinds(world.author)).contains("GRANT_COMMITTED", "PAYOUT");
        assertThat(kinds(world.neighbour)).contains("GRANT_COMMITTED", "PAYOUT");
        JsonNode english = api.get("/api/v1/notifications").token(world.neighbour.accessToken())
                .header("Accept-Language", "en").send().json().get("items");
        assertThat(english.findValuesAsText("body")).anyMatch(body -> body.contains("receives €3,000.00"));
        assertThat(kinds(world.chair)).doesNotContain("GRANT_PENDING", "GRANT_COMMITTED");
    }

    @Test
    void anErasedBoardMembersGrantsStayWithoutThem() {
        ok(world.allocate(YEAR, 1_000_000));
        Person chair = world.chair;
        String grant = world.grant(chair, world.approvedInitiative(), 10_000).text("/id");
        ApiResponse export = api.get("/api/v1/me/export").token(chair.accessToken()).send();
        assertThat(export.text("/sections/wijkbudget/grants/0/id")).isEqualTo(grant);
        ok(fixtures.erase(chair));

        JsonNode entries = world.ledger(world.admin, YEAR).json().get("items");
        assertThat(entries.get(1).get("type").asText()).isEqualTo("GRANT_COMMITTED");
        assertThat(entries.get(1).get("actor").isNull()).isTrue();
        assertThat(world.account(YEAR).json().get("grants").get(0).get("id").asText()).isEqualTo(grant);
    }

    private List<String> kinds(Person person) {
        return api.get("/api/v1/notifications").token(person.accessToken()).query("limit", 100).send().json()
                .get("items").findValuesAsText("kind");
    }
}
