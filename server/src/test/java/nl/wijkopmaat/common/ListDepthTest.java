package nl.wijkopmaat.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.paging.CursorKey;
import nl.wijkopmaat.common.paging.Cursors;
import nl.wijkopmaat.common.paging.ListScope;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.StatementCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list at depth: with a few thousand rows behind it, the query of its third page reads no more
 * rows than the page fetches (its size plus one), because it is a range scan of an index that starts
 * right after the cursor's row. Rows read are MariaDB's handler counters of one session, with index
 * condition pushdown off there, so that index entries the engine steps over are counted too.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListDepthTest {

    private static final int ROWS = 3000;
    private static final int LIMIT = 20;
    /** Token check, the caller's roles and the parent row, the page itself, and the names of the people on it. */
    private static final int STATEMENTS_PER_PAGE = 6;
    private static final String MUNICIPALITY_PREFIX = "Diepte ";

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    Cursors cursors;
    @Inject
    StatementCounter statements;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username:root}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    MunicipalityView municipality;
    WijkDetail wijk;
    Person official;
    Person admin;
    String initiative;
    String budget;
    String grant;
    String opportunity;
    String shift;
    String dialoogtafel;
    String challenge;
    Connection db;

    @BeforeAll
    void thousandsOfRowsInEveryList() throws SQLException {
        municipality = fixtures.municipality();
        wijk = fixtures.wijk(municipality.id(), "Centrum");
        official = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        admin = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        initiative = UUID.randomUUID().toString();
        db = DriverManager.getConnection(url, username, password);
        String m = municipality.id().toString();
        String w = wijk.id().toString();
        String o = official.id().toString();
        String rows = "FROM seq_1_to_" + ROWS;
        insert("INSERT INTO initiative (id, municipality_id, wijk_id, author_id, title, description, theme,"
                + " requested_budget_cents, status, support_count, created_at, updated_at, submitted_at, version)"
                + " VALUES (?, ?, ?, ?, 'Diep', 'Een lange geschiedenis.', 'GROEN', 0, 'SUBMITTED', 0, NOW(), NOW(), NOW(), 0)",
                initiative, m, w, o);
        insert("INSERT INTO initiative_status_change (id, initiative_id, action, from_status, to_status, actor_id, changed_at)"
                + " SELECT UUID(), ?, 'SUBMIT', 'DRAFT', 'SUBMITTED', ?, NOW() " + rows, initiative, o);
        insert("INSERT INTO initiative_review (id, initiative_id, reviewer_id, decision, reviewed_at)"
                + " SELECT UUID(), ?, ?, 'APPROVE', NOW() " + rows, initiative, o);
        insert("INSERT INTO initiative_comment (id, initiative_id, author_id, body, created_at)"
                + " SELECT UUID(), ?, ?, 'Goed plan.', NOW() " + rows, initiative, o);
        insert("INSERT INTO notification (id, account_id, category, kind, title, body, resource_type, resource_id, created_at)"
                + " SELECT UUID(), ?, 'MY_INITIATIVES', 'INITIATIVE_APPROVED', 'Goedgekeurd', 'Goedgekeurd.',"
                + " 'INITIATIVE', ?, NOW() " + rows, o, initiative);
        insert("INSERT INTO municipality (id, name, created_at) SELECT UUID(), CONCAT(?, LPAD(seq, 5, '0')), NOW() " + rows,
                MUNICIPALITY_PREFIX);
        insert("INSERT INTO wijk (id, municipality_id, name, created_at, updated_at)"
                + " SELECT UUID(), ?, CONCAT('Wijk ', LPAD(seq, 5, '0')), NOW(), NOW() " + rows, m);
        insert("INSERT INTO wijkplatform (id, wijk_id, name, created_at)"
                + " SELECT UUID(), id, CONCAT('Wijkplatform ', name), NOW() FROM wijk"
                + " WHERE municipality_id = ? AND id NOT IN (SELECT wijk_id FROM wijkplatform)", m);
        // One second for all: assignment times tie, as they do when an admin adds several people at once.
        insert("INSERT INTO account (id, email, display_name, municipality_id, locale, status, created_at, updated_at, version)"
                + " SELECT UUID(), CONCAT('ambtenaar-', UUID(), '@example.org'), CONCAT('Ambtenaar ', seq), ?, 'nl', 'ACTIVE',"
                + " NOW(), NOW(), 0 " + rows, m);
        insert("INSERT INTO role_assignment (id, account_id, role, scope_id, assigned_at)"
                + " SELECT UUID(), id, 'OFFICIAL', ?, '2026-01-05 09:00:00' FROM account"
                + " WHERE municipality_id = ? AND email LIKE 'ambtenaar-%'", m, m);
        // Three due dates for all: each one ties for a thousand initiatives.
        insert("INSERT INTO initiative (id, municipality_id, wijk_id, author_id, owner_id, title, description, theme,"
                + " requested_budget_cents, status, support_count, created_at, updated_at, submitted_at, answer_due_date, version)"
                + " SELECT UUID(), ?, ?, ?, ?, 'Te laat', 'Wacht op antwoord.', 'GROEN', 0, 'IN_REVIEW', 0, NOW(), NOW(), NOW(),"
                + " DATE '2025-01-01' + INTERVAL (seq % 3) DAY, 0 " + rows, m, w, o, o);
        // Supported initiatives in the buurt (counts from 0 to 39, so the most-supported order ties too),
        // and drafts in between that no list but their author's may step over.
        insert("INSERT INTO initiative (id, municipality_id, wijk_id, buurt_id, author_id, owner_id, title, description, theme,"
                + " requested_budget_cents, status, support_count, created_at, updated_at, submitted_at, version)"
                + " SELECT UUID(), ?, ?, ?, ?, ?, 'Buurtfeest', 'Met de hele straat.', 'CULTUUR', 0, 'APPROVED', seq % 40,"
                + " NOW(), NOW(), NOW(), 0 " + rows, m, w, wijk.buurten().get(0).id().toString(), o, o);
        insert("INSERT INTO initiative (id, municipality_id, wijk_id, buurt_id, author_id, title, description, theme,"
                + " requested_budget_cents, status, support_count, created_at, updated_at, version)"
                + " SELECT UUID(), ?, ?, ?, ?, 'Concept', 'Nog niet ingediend.', 'CULTUUR', 0, 'DRAFT', 0, NOW(), NOW(), 0 "
                + rows, m, w, wijk.buurten().get(0).id().toString(), admin.id().toString());
        // The official and thousands of others support twenty of them each: a viewer's support on a row
        // must be one lookup of that pair, not a read of all the viewer's supports for every row.
        insert("INSERT INTO initiative_support (initiative_id, account_id, supported_at)"
                + " SELECT i.id, a.id, NOW() FROM (SELECT id FROM initiative WHERE buurt_id = ? AND status = 'APPROVED'"
                + " ORDER BY seq LIMIT 20) i CROSS JOIN account a WHERE a.municipality_id = ? AND (a.id = ? OR a.email LIKE 'ambtenaar-%')",
                wijk.buurten().get(0).id().toString(), m, o);
        // A wijkbudget year with thousands of grants, contributions, and payouts of one grant.
        budget = UUID.randomUUID().toString();
        grant = UUID.randomUUID().toString();
        String p = wijk.wijkplatform().id().toString();
        insert("INSERT INTO budget (id, wijkplatform_id, municipality_id, budget_year, created_at, updated_at)"
                + " VALUES (?, ?, ?, 2026, NOW(), NOW())", budget, p, m);
        insert("INSERT INTO budget_grant (id, budget_id, initiative_id, initiative_title, amount_cents, status, proposed_as,"
                + " proposed_by, created_at) VALUES (?, ?, ?, 'Diep', 100, 'COMMITTED', 'CHAIR', ?, NOW())",
                grant, budget, initiative, o);
        insert("INSERT INTO budget_grant (id, budget_id, initiative_id, initiative_title, amount_cents, status, proposed_as,"
                + " proposed_by, created_at) SELECT UUID(), ?, ?, 'Diep', 100, 'COMMITTED', 'CHAIR', ?, NOW() " + rows,
                budget, initiative, o);
        insert("INSERT INTO budget_entry (id, budget_id, entry_type, amount_cents, available_cents, partner_name, created_at)"
                + " SELECT UUID(), ?, 'CONTRIBUTION', 100, 0, 'Partner', NOW() " + rows, budget);
        insert("INSERT INTO budget_entry (id, budget_id, entry_type, amount_cents, available_cents, grant_id, paid_on,"
                + " reference, created_at) SELECT UUID(), ?, 'PAYOUT', 1, 0, ?, CURDATE(), 'Factuur', NOW() " + rows,
                budget, grant);
        insert("INSERT INTO budget_entry_actor (entry_id, actor_id) SELECT id, ? FROM budget_entry WHERE budget_id = ?",
                o, budget);
        // Volunteering: thousands of opportunities in the wijk wanting one skill, thousands of shifts of one
        // of them (three start times for all, so starts tie), and thousands of volunteers on one shift.
        opportunity = UUID.randomUUID().toString();
        shift = UUID.randomUUID().toString();
        insert("INSERT INTO volunteer_opportunity (id, municipality_id, wijk_id, organiser_id, title, description, status,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, 'Diep', 'Veel diensten.', 'OPEN', NOW(), NOW())",
                opportunity, m, w, o);
        insert("INSERT INTO volunteer_opportunity (id, municipality_id, wijk_id, organiser_id, title, description, status,"
                + " created_at, updated_at) SELECT UUID(), ?, ?, ?, 'Buurtmaaltijd', 'Samen koken.', 'OPEN', NOW(), NOW() "
                + rows, m, w, o);
        insert("INSERT INTO volunteer_opportunity_skill (opportunity_id, skill, opportunity_seq)"
                + " SELECT id, 'diepte', seq FROM volunteer_opportunity WHERE wijk_id = ?", w);
        insert("INSERT INTO volunteer_shift (id, opportunity_id, starts_at, ends_at, capacity, status, created_at, updated_at)"
                + " VALUES (?, ?, '2030-01-01 09:00:00', '2030-01-01 11:00:00', 200, 'SCHEDULED', NOW(), NOW())", shift, opportunity);
        insert("INSERT INTO volunteer_shift (id, opportunity_id, starts_at, ends_at, capacity, status, created_at, updated_at)"
                + " SELECT UUID(), ?, TIMESTAMP '2030-02-01 09:00:00' + INTERVAL (seq % 3) DAY,"
                + " TIMESTAMP '2030-02-01 11:00:00' + INTERVAL (seq % 3) DAY, 10, 'SCHEDULED', NOW(), NOW() " + rows, opportunity);
        insert("INSERT INTO volunteer_signup (id, shift_id, account_id, starts_at, ends_at, signed_up_at)"
                + " SELECT UUID(), ?, id, '2030-01-01 09:00:00', '2030-01-01 11:00:00', NOW() FROM account"
                + " WHERE municipality_id = ? AND email LIKE 'ambtenaar-%'", shift, m);
        // Dialoogtafels: thousands in the wijk, in one buurt and on one theme (three start times for all, so
        // starts tie), and thousands registered for one of them.
        dialoogtafel = UUID.randomUUID().toString();
        String b = wijk.buurten().get(0).id().toString();
        insert("INSERT INTO dialoogtafel (id, municipality_id, wijk_id, buurt_id, title, description, theme, place_name,"
                + " starts_at, ends_at, capacity, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'Diep', 'Veel mensen.',"
                + " 'ARMOEDE', 'Buurthuis', '2030-03-01 19:00:00', '2030-03-01 21:00:00', 500, 'SCHEDULED', NOW(), NOW())",
                dialoogtafel, m, w, b);
        insert("INSERT INTO dialoogtafel (id, municipality_id, wijk_id, buurt_id, title, description, theme, place_name,"
                + " starts_at, ends_at, capacity, status, created_at, updated_at) SELECT UUID(), ?, ?, ?, 'Dialoogtafel',"
                + " 'Samen praten.', 'ARMOEDE', 'Buurthuis', TIMESTAMP '2030-04-01 19:00:00' + INTERVAL (seq % 3) DAY,"
                + " TIMESTAMP '2030-04-01 21:00:00' + INTERVAL (seq % 3) DAY, 20, 'SCHEDULED', NOW(), NOW() " + rows, m, w, b);
        insert("INSERT INTO dialoogtafel_registration (id, dialoogtafel_id, account_id, status, queue_number, registered_at)"
                + " SELECT UUID(), ?, id, 'WAITLISTED', ROW_NUMBER() OVER (ORDER BY id), NOW() FROM account"
                + " WHERE municipality_id = ? AND email LIKE 'ambtenaar-%'", dialoogtafel, m);
        // Right to Challenge: thousands of proposals in the wijk waiting for eligibility, each with the official
        // in its group, and one of them with a long history and thousands of members who joined at one moment.
        challenge = UUID.randomUUID().toString();
        String challengeColumns = "INSERT INTO challenge (id, municipality_id, wijk_id, title, task, group_name, contact_id,"
                + " plan, requested_cents_year, social_value, support_description, supporter_count, member_count, status,"
                + " created_at, updated_at) ";
        insert(challengeColumns + "VALUES (?, ?, ?, 'Diep', 'Een taak.', 'Groep', ?, 'Plan.', 0, 'Waarde.', 'Steun.', 0, 1,"
                + " 'INTAKE', NOW(), NOW())", challenge, m, w, o);
        insert(challengeColumns + "SELECT UUID(), ?, ?, 'Groen', 'Een taak.', 'Groep', ?, 'Plan.', 0, 'Waarde.', 'Steun.', 0, 1,"
                + " 'INTAKE', NOW(), NOW() " + rows, m, w, o);
        insert("INSERT INTO challenge_member (challenge_id, account_id, challenge_seq, joined_at)"
                + " SELECT id, ?, seq, NOW() FROM challenge WHERE wijk_id = ?", o, w);
        insert("INSERT INTO challenge_member (challenge_id, account_id, challenge_seq, joined_at)"
                + " SELECT ?, id, (SELECT seq FROM challenge WHERE id = ?), '2026-01-05 09:00:00' FROM account"
                + " WHERE municipality_id = ? AND email LIKE 'ambtenaar-%'", challenge, challenge, m);
        insert("INSERT INTO challenge_status_change (id, challenge_id, action, from_status, to_status, actor_id, changed_at)"
                + " SELECT UUID(), ?, 'SUBMIT_INTAKE', 'DRAFT', 'INTAKE', ?, NOW() " + rows, challenge, o);
        try (Statement statement = db.createStatement()) {
            statement.execute("ANALYZE TABLE dialoogtafel, dialoogtafel_registration");
            statement.execute("ANALYZE TABLE challenge, challenge_member, challenge_status_change");
            statement.execute("ANALYZE TABLE initiative_support, initiative, initiative_status_change, initiative_review, initiative_comment,"
                    + " notification, municipality, wijk, role_assignment, budget_grant, budget_entry, budget_entry_actor,"
                    + " volunteer_opportunity, volunteer_opportunity_skill, volunteer_shift, volunteer_signup");
            statement.execute("SET SESSION optimizer_switch = 'index_condition_pushdown=off'");
        }
    }

    @AfterAll
    void dropTheExtraMunicipalities() throws SQLException {
        insert("DELETE FROM municipality WHERE name LIKE CONCAT(?, '%')", MUNICIPALITY_PREFIX);
        db.close();
    }

    @Test
    void statusChanges() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/initiatives/" + initiative + "/status-changes",
                ListScope.of("status-changes", UUID.fromString(initiative)));
        assertRangeScan("SELECT * FROM initiative_status_change FORCE INDEX (ix_status_change_initiative) WHERE initiative_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                "ix_status_change_initiative", 1, initiative, key.number(0), LIMIT + 1);
    }

    @Test
    void reviews() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/initiatives/" + initiative + "/reviews",
                ListScope.of("reviews", UUID.fromString(initiative)));
        assertRangeScan("SELECT * FROM initiative_review FORCE INDEX (ix_review_initiative) WHERE initiative_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                "ix_review_initiative", 1, initiative, key.number(0), LIMIT + 1);
    }

    @Test
    void comments() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/initiatives/" + initiative + "/comments",
                ListScope.of("comments", UUID.fromString(initiative)));
        assertRangeScan("""
                SELECT * FROM initiative_comment FORCE INDEX (ix_comment_initiative_live) WHERE initiative_id = ? AND deleted_at IS NULL AND seq > ?
                ORDER BY seq LIMIT ?""", "ix_comment_initiative_live", 1, initiative, key.number(0), LIMIT + 1);
    }

    @Test
    void inbox() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/notifications", ListScope.of("inbox", official.id()));
        assertRangeScan("SELECT * FROM notification FORCE INDEX (ix_notification_inbox) WHERE account_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                "ix_notification_inbox", 1, official.id().toString(), key.number(0), LIMIT + 1);
    }

    @Test
    void municipalities() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/municipalities", ListScope.of("municipalities"));
        assertRangeScan("SELECT * FROM municipality WHERE name > ? ORDER BY name LIMIT ?",
                "uk_municipality_name", 1, key.text(0), LIMIT + 1);
    }

    @Test
    void wijken() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/municipalities/" + municipality.id() + "/wijken",
                ListScope.of("wijken", municipality.id().toString()));
        assertRangeScan("SELECT * FROM wijk FORCE INDEX (uk_wijk_municipality_name) WHERE municipality_id = ? AND name > ? ORDER BY name LIMIT ?",
                "uk_wijk_municipality_name", 1, municipality.id().toString(), key.text(0), LIMIT + 1);
    }

    @Test
    void staff() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/municipalities/" + municipality.id() + "/staff",
                ListScope.of("staff", municipality.id().toString()));
        String assignedAt = key.instant(0).toString().replace("T", " ").replace("Z", "");
        assertRangeScan("""
                SELECT * FROM role_assignment FORCE INDEX (ix_role_assignment_staff)
                WHERE scope_id = ? AND role IN ('OFFICIAL', 'ADMIN')
                  AND assigned_at >= ? AND (assigned_at > ? OR (assigned_at = ? AND id > ?))
                ORDER BY assigned_at, id LIMIT ?""", "ix_role_assignment_staff", 1,
                municipality.id().toString(), assignedAt, assignedAt, assignedAt, key.text(1), LIMIT + 1);
    }

    @Test
    void officials() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/municipalities/" + municipality.id() + "/officials",
                ListScope.of("officials", municipality.id().toString()));
        // Two tables: a range of role assignments and, for each of them, its account by primary key.
        assertRangeScan("""
                SELECT r.id AS assignment_id, r.account_id, a.display_name
                FROM role_assignment r FORCE INDEX (ix_role_assignment_scope) JOIN account a ON a.id = r.account_id
                WHERE r.scope_id = ? AND r.role = 'OFFICIAL' AND r.id > ?
                ORDER BY r.id LIMIT ?""", "ix_role_assignment_scope", 2,
                municipality.id().toString(), key.text(0), LIMIT + 1);
    }

    @Test
    void overdueInTheMunicipality() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/municipalities/" + municipality.id() + "/overdue-initiatives",
                ListScope.of("overdue-initiatives", municipality.id(), null));
        LocalDate after = key.date(0);
        assertRangeScan("""
                SELECT * FROM initiative FORCE INDEX (ix_initiative_overdue)
                WHERE municipality_id = ? AND status = 'IN_REVIEW' AND answer_due_date < ?
                  AND answer_due_date >= ?
                  AND (answer_due_date > ? OR (answer_due_date = ? AND id > ?))
                ORDER BY answer_due_date, id LIMIT ?""", "ix_initiative_overdue", 1,
                municipality.id().toString(), LocalDate.now(), after, after, after, key.text(1), LIMIT + 1);
    }

    @Test
    void overdueInAWijk() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/municipalities/" + municipality.id() + "/overdue-initiatives", wijk.id(),
                ListScope.of("overdue-initiatives", municipality.id(), wijk.id()));
        LocalDate after = key.date(0);
        assertRangeScan("""
                SELECT * FROM initiative FORCE INDEX (ix_initiative_wijk_overdue)
                WHERE wijk_id = ? AND status = 'IN_REVIEW' AND answer_due_date < ?
                  AND municipality_id = ? AND answer_due_date >= ?
                  AND (answer_due_date > ? OR (answer_due_date = ? AND id > ?))
                ORDER BY answer_due_date, id LIMIT ?""", "ix_initiative_wijk_overdue", 1,
                wijk.id().toString(), LocalDate.now(), municipality.id().toString(), after, after, after, key.text(1),
                LIMIT + 1);
    }

    @Test
    void initiativesNewest() throws SQLException {
        assertInitiativeList("ix_initiative_list_newest", official);
    }

    @Test
    void initiativesMostSupported() throws SQLException {
        assertInitiativeList("ix_initiative_list_support", official, "sort", "SUPPORT");
    }

    @Test
    void initiativesOfAWijk() throws SQLException {
        assertInitiativeList("ix_initiative_wijk_newest", official, "wijk", wijk.id());
        assertInitiativeList("ix_initiative_wijk_support_list", official, "wijk", wijk.id(), "sort", "SUPPORT");
    }

    @Test
    void initiativesOfAWijkWithoutAToken() throws SQLException {
        assertInitiativeList("ix_initiative_wijk_newest", null, "wijk", wijk.id());
        assertInitiativeList("ix_initiative_wijk_support_list", null, "wijk", wijk.id(), "sort", "SUPPORT");
    }

    @Test
    void initiativesOfABuurt() throws SQLException {
        UUID buurt = wijk.buurten().get(0).id();
        assertInitiativeList("ix_initiative_buurt_newest", official, "buurt", buurt);
        assertInitiativeList("ix_initiative_buurt_support_list", official, "buurt", buurt, "sort", "SUPPORT");
    }

    @Test
    void initiativesByStatus() throws SQLException {
        assertInitiativeList("ix_initiative_status_newest", official, "status", "APPROVED");
        assertInitiativeList("ix_initiative_status_support", official, "status", "APPROVED", "sort", "SUPPORT");
    }

    @Test
    void initiativesByTheme() throws SQLException {
        assertInitiativeList("ix_initiative_theme_newest", official, "theme", "CULTUUR");
        assertInitiativeList("ix_initiative_theme_support", official, "theme", "CULTUUR", "sort", "SUPPORT");
    }

    @Test
    void myInitiatives() throws SQLException {
        assertInitiativeList("ix_initiative_author", admin, "mine", true);
        assertInitiativeList("ix_initiative_author_support", admin, "mine", true, "sort", "SUPPORT");
    }

    @Test
    void initiativesIOwn() throws SQLException {
        assertInitiativeList("ix_initiative_owner_seq", official, "owner", "me");
        assertInitiativeList("ix_initiative_owner_support", official, "owner", "me", "sort", "SUPPORT");
    }

    /**
     * Reads three pages of {@code GET /initiatives} with the given query (name, value, ...) and checks
     * the very statement that read the third: a range of {@code index}, and for a signed-in viewer a
     * primary-key lookup of their support per row.
     */
    private void assertInitiativeList(String index, Person viewer, Object... query) throws SQLException {
        String cursor = null;
        for (int page = 1; page <= 3; page++) {
            Api.Call call = api.get("/api/v1/initiatives").query("limit", LIMIT);
            if (viewer != null) {
                call.token(viewer.accessToken());
            }
            for (int i = 0; i < query.length; i += 2) {
                call.query((String) query[i], query[i + 1]);
            }
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            statements.reset();
            ApiResponse response = call.send();
            assertThat(response.status()).isEqualTo(200);
            assertThat(statements.count()).as("statements for a page of initiatives").isBetween(1, STATEMENTS_PER_PAGE);
            assertThat(response.json().get("items")).hasSize(LIMIT);
            cursor = response.text("/nextCursor");
        }
        StatementCounter.Executed pageQuery = statements.executed().stream()
                .filter(statement -> statement.sql().startsWith("SELECT i.*"))
                .findFirst().orElseThrow();
        assertRangeScan(pageQuery.sql(), index, viewer == null ? 1 : 2, pageQuery.params().toArray());
    }

    @Test
    void grantsOfABudgetYear() throws SQLException {
        CursorKey key = thirdPageKey(budgetPath() + "/grants", ListScope.of("grants", wijk.wijkplatform().id(), 2026));
        assertRangeScan("""
                SELECT * FROM budget_grant FORCE INDEX (ix_budget_grant_budget)
                WHERE budget_id = ? AND seq > ? ORDER BY seq LIMIT ?""", "ix_budget_grant_budget", 1,
                budget, key.number(0), LIMIT + 1);
    }

    @Test
    void ledgerOfABudgetYear() throws SQLException {
        CursorKey key = thirdPageKey(budgetPath() + "/ledger", ListScope.of("ledger", wijk.wijkplatform().id(), 2026));
        // Two tables: a range of entries and, for each of them, who made it by primary key.
        assertRangeScan("""
                SELECT e.*, a.actor_id FROM budget_entry e FORCE INDEX (ix_budget_entry_budget)
                LEFT JOIN budget_entry_actor a ON a.entry_id = e.id
                WHERE e.budget_id = ? AND e.seq > ? ORDER BY e.seq LIMIT ?""", "ix_budget_entry_budget", 2,
                budget, key.number(0), LIMIT + 1);
    }

    @Test
    void contributionsOfABudgetYear() throws SQLException {
        CursorKey key = thirdPageKey(budgetPath() + "/contributions",
                ListScope.of("contributions", wijk.wijkplatform().id(), 2026));
        assertRangeScan("""
                SELECT e.*, a.actor_id FROM budget_entry e FORCE INDEX (ix_budget_entry_budget_type)
                LEFT JOIN budget_entry_actor a ON a.entry_id = e.id
                WHERE e.budget_id = ? AND e.entry_type = ? AND e.seq > ? ORDER BY e.seq LIMIT ?""",
                "ix_budget_entry_budget_type", 2, budget, "CONTRIBUTION", key.number(0), LIMIT + 1);
    }

    @Test
    void payoutsOfAGrant() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/grants/" + grant + "/payouts", ListScope.of("payouts", UUID.fromString(grant)));
        assertRangeScan("""
                SELECT e.*, a.actor_id FROM budget_entry e FORCE INDEX (ix_budget_entry_grant_type)
                LEFT JOIN budget_entry_actor a ON a.entry_id = e.id
                WHERE e.grant_id = ? AND e.entry_type = ? AND e.seq > ? ORDER BY e.seq LIMIT ?""",
                "ix_budget_entry_grant_type", 2, grant, "PAYOUT", key.number(0), LIMIT + 1);
    }

    @Test
    void volunteerOpportunities() throws SQLException {
        assertPageStatement("/api/v1/volunteer-opportunities", "SELECT o.*", "uk_volunteer_opportunity_seq", 1, null);
    }

    @Test
    void volunteerOpportunitiesOfAWijk() throws SQLException {
        assertPageStatement("/api/v1/volunteer-opportunities", "SELECT o.*", "ix_volunteer_opportunity_wijk", 1, official,
                "wijk", wijk.id());
    }

    @Test
    void volunteerOpportunitiesWantingASkill() throws SQLException {
        // Two tables: a range of (skill, seq) and, for each entry, its opportunity by primary key.
        assertPageStatement("/api/v1/volunteer-opportunities", "SELECT o.*", "ix_volunteer_opportunity_skill", 2, null,
                "skill", "diepte");
    }

    @Test
    void shiftsOfAnOpportunity() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/volunteer-opportunities/" + opportunity + "/shifts",
                ListScope.of("shifts", UUID.fromString(opportunity)));
        String after = key.instant(0).toString().replace("T", " ").replace("Z", "");
        assertRangeScan("""
                SELECT * FROM volunteer_shift FORCE INDEX (ix_volunteer_shift_opportunity)
                WHERE opportunity_id = ? AND starts_at >= ?
                  AND (starts_at > ? OR (starts_at = ? AND id > ?))
                ORDER BY starts_at, id LIMIT ?""", "ix_volunteer_shift_opportunity", 1,
                opportunity, after, after, after, key.text(1), LIMIT + 1);
    }

    @Test
    void volunteersOfAShift() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/shifts/" + shift + "/signups", ListScope.of("signups", UUID.fromString(shift)));
        assertRangeScan("""
                SELECT * FROM volunteer_signup FORCE INDEX (ix_volunteer_signup_shift)
                WHERE shift_id = ? AND seq > ? ORDER BY seq LIMIT ?""", "ix_volunteer_signup_shift", 1,
                shift, key.number(0), LIMIT + 1);
    }

    @Test
    void dialoogtafels() throws SQLException {
        assertPageStatement("/api/v1/dialoogtafels", "SELECT t.*", "ix_dialoogtafel_start", 1, null);
    }

    @Test
    void dialoogtafelsOfAWijk() throws SQLException {
        assertPageStatement("/api/v1/dialoogtafels", "SELECT t.*", "ix_dialoogtafel_wijk", 1, official, "wijk", wijk.id());
    }

    @Test
    void dialoogtafelsOfABuurt() throws SQLException {
        assertPageStatement("/api/v1/dialoogtafels", "SELECT t.*", "ix_dialoogtafel_buurt", 1, null,
                "buurt", wijk.buurten().get(0).id());
    }

    @Test
    void dialoogtafelsOnATheme() throws SQLException {
        assertPageStatement("/api/v1/dialoogtafels", "SELECT t.*", "ix_dialoogtafel_theme", 1, null, "theme", "ARMOEDE");
    }

    @Test
    void registrationsOfADialoogtafel() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/dialoogtafels/" + dialoogtafel + "/registrations",
                ListScope.of("dialoogtafel-registrations", UUID.fromString(dialoogtafel)));
        assertRangeScan("""
                SELECT * FROM dialoogtafel_registration FORCE INDEX (ix_dialoogtafel_registration_table)
                WHERE dialoogtafel_id = ? AND seq > ? ORDER BY seq LIMIT ?""", "ix_dialoogtafel_registration_table", 1,
                dialoogtafel, key.number(0), LIMIT + 1);
    }

    @Test
    void challengesOfAWijk() throws SQLException {
        assertPageStatement("/api/v1/challenges", "SELECT c.*", "ix_challenge_wijk_all", 1, null, "wijk", wijk.id());
    }

    @Test
    void challengesOfAMunicipalityByStatus() throws SQLException {
        assertPageStatement("/api/v1/challenges", "SELECT c.*", "ix_challenge_municipality", 1, null,
                "municipality", municipality.id(), "status", "INTAKE");
    }

    @Test
    void challengesWaitingForEligibility() throws SQLException {
        assertPageStatement("/api/v1/challenges", "SELECT c.*", "ix_challenge_municipality", 1, official,
                "awaiting", "ELIGIBILITY");
    }

    @Test
    void myChallenges() throws SQLException {
        // Two tables: a range of (member, seq) and, for each entry, its proposal by primary key.
        assertPageStatement("/api/v1/challenges", "SELECT c.*", "ix_challenge_member_account", 2, official, "mine", true);
    }

    @Test
    void challengeStatusChanges() throws SQLException {
        CursorKey key = thirdPageKey("/api/v1/challenges/" + challenge + "/status-changes",
                ListScope.of("challenge-status-changes", UUID.fromString(challenge)));
        assertRangeScan("""
                SELECT * FROM challenge_status_change FORCE INDEX (ix_challenge_status_change)
                WHERE challenge_id = ? AND seq > ? ORDER BY seq LIMIT ?""", "ix_challenge_status_change", 1,
                challenge, key.number(0), LIMIT + 1);
    }

    @Test
    void membersOfAChallengeGroup() throws SQLException {
        assertPageStatement("/api/v1/challenges/" + challenge + "/members", "SELECT seq, account_id, joined_at",
                "ix_challenge_member_joined", 1, null);
    }

    /**
     * Reads three pages of {@code path} with the given query (name, value, ...) and checks the very
     * statement, starting with {@code prefix}, that read the third: a range of {@code index}.
     */
    private void assertPageStatement(String path, String prefix, String index, int tables, Person viewer,
                                     Object... query) throws SQLException {
        String cursor = null;
        for (int page = 1; page <= 3; page++) {
            Api.Call call = api.get(path).query("limit", LIMIT);
            if (viewer != null) {
                call.token(viewer.accessToken());
            }
            for (int i = 0; i < query.length; i += 2) {
                call.query((String) query[i], query[i + 1]);
            }
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            statements.reset();
            ApiResponse response = call.send();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(statements.count()).as("statements for a page of " + path).isBetween(1, STATEMENTS_PER_PAGE);
            assertThat(response.json().get("items")).hasSize(LIMIT);
            cursor = response.text("/nextCursor");
        }
        StatementCounter.Executed pageQuery = statements.executed().stream()
                .filter(statement -> statement.sql().startsWith(prefix))
                .findFirst().orElseThrow();
        assertRangeScan(pageQuery.sql(), index, tables, pageQuery.params().toArray());
    }

    private String budgetPath() {
        return "/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/budgets/2026";
    }

    /**
     * Reads three pages through the API, as the official (staff and the wijkbudget as the admin), and
     * returns the key of the cursor that asked for the third.
     */
    private CursorKey thirdPageKey(String path, ListScope scope) {
        return thirdPageKey(path, null, scope);
    }

    private CursorKey thirdPageKey(String path, UUID wijkFilter, ListScope scope) {
        String cursor = null;
        for (int page = 1; page <= 3; page++) {
            boolean asAdmin = path.endsWith("/staff") || path.contains("/budgets/") || path.startsWith("/api/v1/grants/");
            Api.Call call = api.get(path).token(asAdmin ? admin.accessToken() : official.accessToken()).query("limit", LIMIT);
            if (wijkFilter != null) {
                call.query("wijk", wijkFilter);
            }
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            statements.reset();
            ApiResponse response = call.send();
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(statements.count()).as("statements for a page of " + path).isBetween(1, STATEMENTS_PER_PAGE);
            assertThat(response.json().get("items")).hasSize(LIMIT);
            if (page < 3) {
                cursor = response.text("/nextCursor");
            }
        }
        return cursors.after(new PageRequest(LIMIT, cursor), scope).orElseThrow();
    }

    /**
     * The page query uses {@code index} as a range (no filesort) and reads at most one row per fetched
     * row in each of its {@code tables}.
     */
    private void assertRangeScan(String sql, String index, int tables, Object... params) throws SQLException {
        try (PreparedStatement explain = prepare("EXPLAIN " + sql, params); ResultSet plan = explain.executeQuery()) {
            plan.next();
            assertThat(plan.getString("key")).as("index of " + sql).isEqualTo(index);
            assertThat(plan.getString("type")).as("access of " + sql).isEqualTo("range");
            assertThat(String.valueOf(plan.getString("Extra"))).doesNotContain("filesort");
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("FLUSH STATUS");
        }
        int fetched = 0;
        try (PreparedStatement page = prepare(sql, params); ResultSet result = page.executeQuery()) {
            while (result.next()) {
                fetched++;
            }
        }
        long read = 0;
        try (Statement statement = db.createStatement();
             ResultSet status = statement.executeQuery("SHOW SESSION STATUS LIKE 'Handler_read%'")) {
            while (status.next()) {
                if (List.of("Handler_read_first", "Handler_read_last", "Handler_read_key", "Handler_read_next",
                        "Handler_read_prev", "Handler_read_rnd_next").contains(status.getString(1))) {
                    read += status.getLong(2);
                }
            }
        }
        assertThat(fetched).isEqualTo(LIMIT + 1);
        assertThat(read).as("rows read by " + sql).isLessThanOrEqualTo((long) tables * (LIMIT + 1));
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    private void insert(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params)) {
            statement.executeUpdate();
        }
    }
}
