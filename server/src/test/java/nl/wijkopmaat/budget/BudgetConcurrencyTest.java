package nl.wijkopmaat.budget;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static nl.wijkopmaat.budget.BudgetWorld.YEAR;
import static nl.wijkopmaat.budget.BudgetWorld.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that race for the same money: exactly as many succeed as the money allows, the others get
 * 409 with the available amount, and the account and the ledger agree to the cent. The requests
 * come in all at once; a request waits for a place as long as it needs here (the money is tested,
 * not the admission limit).
 */
@MicronautTest(transactional = false)
@Property(name = "wijkopmaat.load.max-wait", value = "60s")
class BudgetConcurrencyTest {

    private static final int REQUESTS = 60;

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;

    BudgetWorld world;

    @BeforeEach
    void world() {
        world = new BudgetWorld(api, fixtures);
    }

    @Test
    void sixtyGrantsOfAHundredOnAThousandEuros() throws Exception {
        ok(world.allocate(YEAR, 100_000));
        String initiative = world.approvedInitiative();
        List<ApiResponse> responses = all(i -> () -> world.grant(world.chair, initiative, 10_000));

        assertThat(statuses(responses, 201)).isEqualTo(10);
        assertThat(statuses(responses, 409)).isEqualTo(50);
        responses.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.json().get("availableCents").asLong()).isZero());
        JsonNode account = world.account(YEAR).json();
        assertThat(account.get("grantedCents").asLong()).isEqualTo(100_000);
        assertThat(account.get("availableCents").asLong()).isZero();
        assertThat(account.get("grants")).hasSize(10);
        assertLedgerAgrees(account);
    }

    @Test
    void sixtyPayoutsOfAHundredOnAGrantOfAThousand() throws Exception {
        ok(world.allocate(YEAR, 500_000));
        String grant = world.grant(world.chair, world.approvedInitiative(), 100_000).text("/id");
        List<ApiResponse> responses = all(i -> () -> world.payout(world.chair, grant, 10_000));

        assertThat(statuses(responses, 201)).isEqualTo(10);
        assertThat(statuses(responses, 409)).isEqualTo(50);
        JsonNode account = world.account(YEAR).json();
        assertThat(account.get("paidCents").asLong()).isEqualTo(100_000);
        assertThat(account.get("grants").get(0).get("paidCents").asLong()).isEqualTo(100_000);
        assertLedgerAgrees(account);
    }

    @Test
    void releasesRacingPayoutsNeverSpendMoreThanTheGrant() throws Exception {
        ok(world.allocate(YEAR, 500_000));
        String grant = world.grant(world.chair, world.approvedInitiative(), 100_000).text("/id");
        List<ApiResponse> responses = all(i -> i % 2 == 0
                ? () -> world.payout(world.chair, grant, 10_000)
                : () -> world.release(world.chair, grant, 10_000));

        assertThat(statuses(responses, 201)).isEqualTo(10);
        assertThat(statuses(responses, 409)).isEqualTo(50);
        JsonNode account = world.account(YEAR).json();
        JsonNode granted = account.get("grants").get(0);
        assertThat(granted.get("paidCents").asLong() + granted.get("releasedCents").asLong()).isEqualTo(100_000);
        assertThat(account.get("availableCents").asLong()).isEqualTo(400_000 + granted.get("releasedCents").asLong());
        assertLedgerAgrees(account);
    }

    /** The ledger's running balance ends at the account's available amount, and its entries add up to the totals. */
    private void assertLedgerAgrees(JsonNode account) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            Api.Call call = api.get(world.year() + "/ledger").token(world.admin.accessToken()).query("limit", 100);
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            JsonNode page = call.send().json();
            page.get("items").forEach(entries::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        long available = 0;
        long committed = 0;
        long paid = 0;
        long released = 0;
        for (JsonNode entry : entries) {
            long amount = entry.get("amountCents").asLong();
            switch (entry.get("type").asText()) {
                case "ALLOCATION" -> available += amount;
                case "GRANT_COMMITTED" -> {
                    available -= amount;
                    committed += amount;
                }
                case "PAYOUT" -> paid += amount;
                case "RELEASE" -> {
                    available += amount;
                    released += amount;
                }
                default -> throw new AssertionError("unexpected entry " + entry);
            }
            assertThat(entry.get("availableCents").asLong()).as("running balance").isEqualTo(available);
        }
        assertThat(available).isEqualTo(account.get("availableCents").asLong());
        assertThat(committed).isEqualTo(account.get("grantedCents").asLong());
        assertThat(paid).isEqualTo(account.get("paidCents").asLong());
        assertThat(released).isEqualTo(account.get("releasedCents").asLong());
    }

    private static List<ApiResponse> all(IntFunction<Callable<ApiResponse>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Callable<ApiResponse> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long statuses(List<ApiResponse> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }
}
