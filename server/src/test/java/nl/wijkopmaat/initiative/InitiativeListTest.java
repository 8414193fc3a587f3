package nl.wijkopmaat.initiative;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.StatementCounter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wijk with a thousand initiatives and their supports: every page costs the same few statements,
 * however many rows and supporters there are.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InitiativeListTest {

    private static final int INITIATIVES = 1000;
    private static final int SUPPORTERS = 20;
    /** Token check, the page itself, and the names of authors and owners. */
    private static final int STATEMENTS_PER_PAGE = 3;

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    AccountService accounts;
    @Inject
    StatementCounter statements;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username:root}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    InitiativeWorld world;
    List<UUID> supporters = new ArrayList<>();

    @BeforeAll
    void aThousandInitiatives() throws SQLException {
        world = new InitiativeWorld(api, fixtures);
        for (int i = 0; i < SUPPORTERS; i++) {
            supporters.add(accounts.ensureAccount("steun-" + UUID.randomUUID() + "@example.org", Fixtures.PASSWORD,
                    "Steun " + i, world.municipality.id(), null).id());
        }
        Random random = new Random(42);
        Instant now = Instant.now();
        try (Connection connection = DriverManager.getConnection(url, username, password)) {
            connection.setAutoCommit(false);
            try (PreparedStatement initiative = connection.prepareStatement("""
                    INSERT INTO initiative (id, municipality_id, wijk_id, author_id, title, description, theme,
                      requested_budget_cents, status, support_count, created_at, updated_at, submitted_at, version)
                    VALUES (?, ?, ?, ?, ?, 'Een plan voor de buurt.', ?, 0, 'SUBMITTED', ?, ?, ?, ?, 0)""");
                 PreparedStatement support = connection.prepareStatement(
                         "INSERT INTO initiative_support (initiative_id, account_id, supported_at) VALUES (?, ?, ?)")) {
                for (int i = 0; i < INITIATIVES; i++) {
                    String id = UUID.randomUUID().toString();
                    int supportCount = random.nextInt(SUPPORTERS + 1);
                    initiative.setString(1, id);
                    initiative.setString(2, world.municipality.id().toString());
                    initiative.setString(3, world.wijk.id().toString());
                    initiative.setString(4, world.author.id().toString());
                    initiative.setString(5, "Initiatief " + i);
                    initiative.setString(6, i % 2 == 0 ? "GROEN" : "CULTUUR");
                    initiative.setInt(7, supportCount);
                    initiative.setTimestamp(8, Timestamp.from(now));
                    initiative.setTimestamp(9, Timestamp.from(now));
                    initiative.setTimestamp(10, Timestamp.from(now));
                    initiative.addBatch();
                    for (UUID supporter : supporters.subList(0, supportCount)) {
                        support.setString(1, id);
                        support.setString(2, supporter.toString());
                        support.setTimestamp(3, Timestamp.from(now));
                        support.addBatch();
                    }
                }
                initiative.executeBatch();
                support.executeBatch();
            }
            connection.commit();
        }
    }

    private List<JsonNode> readAll(String sort, String theme) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Api.Call call = api.get("/api/v1/initiatives").token(world.neighbour.accessToken())
                    .query("wijk", world.wijk.id()).query("limit", 100).query("sort", sort);
            if (theme != null) {
                call.query("theme", theme);
            }
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            statements.reset();
            ApiResponse page = call.send();
            assertThat(statements.count()).as("statements for one page").isBetween(1, STATEMENTS_PER_PAGE);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(items::add);
            cursor = page.json().get("nextCursor").isNull() ? null : page.text("/nextCursor");
        } while (cursor != null);
        return items;
    }

    @Test
    void newestFirstInBoundedPagesWithoutDuplicatesOrGaps() {
        List<JsonNode> items = readAll("NEWEST", null);
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        assertThat(items).hasSize(INITIATIVES);
        assertThat(ids).hasSize(INITIATIVES);
    }

    @Test
    void mostSupportedFirst() {
        List<JsonNode> items = readAll("SUPPORT", null);
        assertThat(items).hasSize(INITIATIVES);
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).get("supportCount").asInt())
                    .isLessThanOrEqualTo(items.get(i - 1).get("supportCount").asInt());
        }
    }

    @Test
    void filtersCombine() {
        List<JsonNode> green = readAll("SUPPORT", "GROEN");
        assertThat(green).hasSize(INITIATIVES / 2).allMatch(item -> item.get("theme").asText().equals("GROEN"));
    }

    @Test
    void supportedByMeComesFromTheSameStatement() {
        UUID firstSupporter = supporters.get(0);
        Fixtures.Person supporter = fixtures.signIn(firstSupporter, accounts.findByIds(List.of(firstSupporter))
                .get(firstSupporter).email());
        statements.reset();
        ApiResponse page = api.get("/api/v1/initiatives").token(supporter.accessToken()).query("wijk", world.wijk.id())
                .query("supportedByMe", true).query("limit", 100).send();
        assertThat(statements.count()).isBetween(1, STATEMENTS_PER_PAGE);
        assertThat(page.json().get("items")).isNotEmpty()
                .allMatch(item -> item.get("supportedByMe").asBoolean() && item.get("supportCount").asInt() > 0);
    }
}
