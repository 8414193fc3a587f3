package nl.wijkopmaat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.common.Hashing;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.notification.Notice;
import nl.wijkopmaat.notification.NotificationCategory;
import nl.wijkopmaat.notification.Reminders;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table of the schema either holds personal data, and then export and erasure reach it, or is
 * declared free of it. A feature that adds a table adds it to one of the two lists below: the test
 * fails for a table in neither.
 *
 * <p>For each table with personal data, {@link #PERSONAL_DATA} gives the query that finds the rows
 * of one person ({@code :id} is their account id, {@code :email} their address, {@code :throttle}
 * the key of their sign-in throttle). The test gives one person rows in every such table through
 * the API, checks that the export has them, erases the person, and checks that no row of them is
 * left.
 */
@MicronautTest(transactional = false)
class PersonalDataCoverageTest {

    /** Tables with personal data, with the rows of one person in each. */
    static final Map<String, String> PERSONAL_DATA = Map.ofEntries(
            Map.entry("account", "SELECT id FROM account WHERE id = :id"
                    + " AND (email IS NOT NULL OR display_name IS NOT NULL OR password_hash IS NOT NULL)"),
            Map.entry("account_token", "SELECT token_hash FROM account_token WHERE account_id = :id"),
            Map.entry("refresh_token", "SELECT id FROM refresh_token WHERE account_id = :id"),
            Map.entry("login_throttle", "SELECT email_hash FROM login_throttle WHERE email_hash = :throttle"),
            Map.entry("role_assignment", "SELECT id FROM role_assignment WHERE account_id = :id OR assigned_by = :id"),
            Map.entry("role_change", "SELECT id FROM role_change WHERE account_id = :id OR actor_id = :id"),
            Map.entry("role_invitation", "SELECT id FROM role_invitation WHERE invited_by = :id OR email = :email"),
            Map.entry("idempotency_record", "SELECT id FROM idempotency_record WHERE principal = :id"
                    + " OR response_body LIKE CONCAT('%', :id, '%')"),
            Map.entry("initiative", "SELECT id FROM initiative WHERE author_id = :id OR owner_id = :id"),
            Map.entry("initiative_status_change", "SELECT id FROM initiative_status_change WHERE actor_id = :id"),
            Map.entry("initiative_review", "SELECT id FROM initiative_review WHERE reviewer_id = :id"),
            Map.entry("initiative_support", "SELECT initiative_id FROM initiative_support WHERE account_id = :id"),
            Map.entry("initiative_comment", "SELECT id FROM initiative_comment WHERE author_id = :id OR hidden_by = :id"),
            Map.entry("device", "SELECT id FROM device WHERE account_id = :id"),
            Map.entry("notification", "SELECT id FROM notification WHERE account_id = :id"),
            Map.entry("notification_preference", "SELECT account_id FROM notification_preference WHERE account_id = :id"),
            Map.entry("quiet_hours", "SELECT account_id FROM quiet_hours WHERE account_id = :id"),
            Map.entry("push_job", "SELECT id FROM push_job WHERE notification_id IN"
                    + " (SELECT id FROM notification WHERE account_id = :id)"),
            Map.entry("scheduled_notice", "SELECT id FROM scheduled_notice WHERE recipient_id = :id"),
            Map.entry("mail_job", "SELECT id FROM mail_job WHERE account_id = :id"),
            Map.entry("budget_grant", "SELECT id FROM budget_grant WHERE proposed_by = :id OR decided_by = :id"),
            Map.entry("budget_entry_actor", "SELECT entry_id FROM budget_entry_actor WHERE actor_id = :id"),
            Map.entry("volunteer_opportunity", "SELECT id FROM volunteer_opportunity WHERE organiser_id = :id"),
            Map.entry("volunteer_coordinator", "SELECT opportunity_id FROM volunteer_coordinator WHERE account_id = :id"),
            Map.entry("volunteer_signup", "SELECT id FROM volunteer_signup WHERE account_id = :id OR confirmed_by = :id"),
            Map.entry("volunteer_profile", "SELECT account_id FROM volunteer_profile WHERE account_id = :id"),
            Map.entry("volunteer_profile_skill", "SELECT skill FROM volunteer_profile_skill WHERE account_id = :id"),
            Map.entry("dialoogtafel", "SELECT id FROM dialoogtafel WHERE created_by = :id"),
            Map.entry("dialoogtafel_registration", "SELECT id FROM dialoogtafel_registration WHERE account_id = :id"
                    + " OR attendance_by = :id"),
            Map.entry("dialoogtafel_report", "SELECT dialoogtafel_id FROM dialoogtafel_report WHERE published_by = :id"),
            Map.entry("dialoogtafel_alert", "SELECT account_id FROM dialoogtafel_alert WHERE account_id = :id"),
            Map.entry("challenge", "SELECT id FROM challenge WHERE contact_id = :id"),
            Map.entry("challenge_member", "SELECT challenge_id FROM challenge_member WHERE account_id = :id"),
            Map.entry("challenge_status_change", "SELECT id FROM challenge_status_change WHERE actor_id = :id"),
            Map.entry("challenge_eligibility", "SELECT challenge_id FROM challenge_eligibility WHERE decided_by = :id"),
            Map.entry("challenge_advice", "SELECT challenge_id FROM challenge_advice WHERE advised_by = :id"),
            Map.entry("challenge_assessment", "SELECT challenge_id FROM challenge_assessment WHERE assessed_by = :id"),
            Map.entry("challenge_agreement", "SELECT challenge_id FROM challenge_agreement WHERE agreed_by = :id"),
            Map.entry("challenge_progress_report", "SELECT id FROM challenge_progress_report WHERE author_id = :id"),
            Map.entry("challenge_evaluation", "SELECT challenge_id FROM challenge_evaluation WHERE evaluated_by = :id"));

    /** Tables that hold no personal data, and why. */
    static final Map<String, String> FREE_OF_PERSONAL_DATA = Map.ofEntries(
            Map.entry("flyway_schema_history", "the applied migrations"),
            Map.entry("municipality", "public geography"),
            Map.entry("wijk", "public geography"),
            Map.entry("buurt", "public geography"),
            Map.entry("wijkplatform", "public geography: the platform itself and its own contact address, which"
                    + " admins set as the platform's (never a person's); its board are role assignments"),
            Map.entry("budget_settings", "a municipality's grant threshold and year-end policy"),
            Map.entry("budget", "a wijkplatform's budget year and its totals, public to residents"),
            Map.entry("budget_entry", "the wijkbudget's ledger, public accounts; who booked an entry is in budget_entry_actor"),
            Map.entry("volunteer_opportunity_skill", "the skills a public volunteer opportunity wants"),
            Map.entry("volunteer_shift", "the public shifts of a volunteer opportunity and their seats; who holds them is in volunteer_signup"),
            Map.entry("dialoogtafel_action_point", "the action points of a dialoogtafel's public report, written by its"
                    + " organisers; who turned one into an initiative is that initiative's author"),
            Map.entry("dialoogtafel_announcement", "a new dialoogtafel still being announced; its account id only marks"
                    + " how far along the order of ids the announcement got, and the row goes when it is done"),
            Map.entry("challenge_score", "the public scores of an assessment; who assessed is in challenge_assessment"),
            Map.entry("challenge_reporting_moment", "the dates of a public agreement; who agreed is in challenge_agreement"),
            Map.entry("monitor_inhabitants", "inhabitants and households of a wijk or buurt, public statistics"),
            Map.entry("monitor_target", "a municipality's targets for the participation monitor"),
            Map.entry("monitor_quarter", "when a quarter of the participation monitor was computed"),
            Map.entry("monitor_figure", "the participation monitor's snapshot: sums per area and quarter, never a person"),
            Map.entry("monitor_refresh", "when a municipality's participation monitor was last refreshed"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile(":(id|email|throttle)");

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    Reminders reminders;
    @Inject
    TestClock clock;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    @Test
    void everyTableIsCoveredByExportAndErasureOrDeclaredFreeOfPersonalData() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = connect();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            while (rows.next()) {
                tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        Set<String> declared = new TreeSet<>(PERSONAL_DATA.keySet());
        declared.addAll(FREE_OF_PERSONAL_DATA.keySet());
        assertThat(PERSONAL_DATA.keySet()).doesNotContainAnyElementsOf(FREE_OF_PERSONAL_DATA.keySet());
        assertThat(tables).as("tables neither covered by export and erasure nor declared free of personal data")
                .isSubsetOf(declared);
        assertThat(declared).as("declared tables that the schema does not have").isSubsetOf(tables);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void exportShowsAndErasureRemovesThePersonsRowsInEveryTableWithPersonalData() throws Exception {
        MunicipalityView municipality = fixtures.municipality();
        WijkDetail wijk = fixtures.wijk(municipality.id(), "Centrum");
        Person person = fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        fixtures.withRole(municipality.id(), Role.ADMIN, municipality.id());
        grant(person, Role.OFFICIAL, municipality.id());
        Person neighbour = fixtures.resident(municipality.id());
        Person colleague = fixtures.resident(municipality.id());
        String staff = "/api/v1/municipalities/" + municipality.id() + "/staff";

        // As an admin: a role given to a colleague (stored with its response), an invitation sent.
        ok(api.post(staff).token(person.accessToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("email", colleague.email(), "role", "OFFICIAL")).send());
        ok(api.post(staff).token(person.accessToken())
                .json(Map.of("email", "uitgenodigd-" + UUID.randomUUID() + "@example.org", "role", "OFFICIAL")).send());

        // As a resident: an initiative of their own, a device, preferences, a support and a comment.
        String own = created(api.post("/api/v1/initiatives").token(person.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString()).json(content(wijk, "Eigen plan")).send());
        ok(api.post("/api/v1/initiatives/" + own + "/status-changes").token(person.accessToken())
                .json(Map.of("action", "SUBMIT")).send());
        ok(api.post("/api/v1/devices").token(person.accessToken())
                .json(Map.of("token", "fcm-" + UUID.randomUUID(), "platform", "ANDROID")).send());
        Map<String, Object> push = JSON.convertValue(api.get("/api/v1/me/notification-preferences")
                .token(person.accessToken()).send().json().get("push"), new TypeReference<>() { });
        ok(api.put("/api/v1/me/notification-preferences").token(person.accessToken())
                .json(Map.of("push", push, "quietHours", Map.of("start", "23:00", "end", "07:00"))).send());
        String theirs = created(api.post("/api/v1/initiatives").token(neighbour.accessToken())
                .json(content(wijk, "Plan van de buren")).send());
        ok(api.post("/api/v1/initiatives/" + theirs + "/status-changes").token(neighbour.accessToken())
                .json(Map.of("action", "SUBMIT")).send());
        ok(api.post("/api/v1/initiatives/" + theirs + "/supports").token(person.accessToken()).send());
        ok(api.post("/api/v1/initiatives/" + theirs + "/comments").token(person.accessToken())
                .json(Map.of("body", "Mooi plan")).send());
        // The neighbour comments on the person's initiative: an inbox item and a push for the person.
        ok(api.post("/api/v1/initiatives/" + own + "/comments").token(neighbour.accessToken())
                .json(Map.of("body", "Doe ik mee")).send());

        // As an official: owner and reviewer of the neighbour's initiative, moderator of a comment.
        ok(api.put("/api/v1/initiatives/" + theirs + "/owner").token(person.accessToken())
                .json(Map.of("ownerId", person.id().toString())).send());
        ok(api.post("/api/v1/initiatives/" + theirs + "/reviews").token(person.accessToken())
                .json(Map.of("decision", "REQUEST_CHANGES", "reason", "Graag een begroting")).send());
        String rude = created(api.post("/api/v1/initiatives/" + theirs + "/comments").token(neighbour.accessToken())
                .json(Map.of("body", "Onzin")).send());
        ok(api.put("/api/v1/initiatives/" + theirs + "/comments/" + rude + "/hidden").token(person.accessToken())
                .json(Map.of("reason", "Niet respectvol")).send());

        // As admin and chair of the wijk's platform: the year's amount, and a grant to an approved initiative.
        grant(person, Role.CHAIR, wijk.wijkplatform().id());
        String funded = created(api.post("/api/v1/initiatives").token(neighbour.accessToken())
                .json(content(wijk, "Plan met geld")).send());
        ok(api.post("/api/v1/initiatives/" + funded + "/status-changes").token(neighbour.accessToken())
                .json(Map.of("action", "SUBMIT")).send());
        ok(api.put("/api/v1/initiatives/" + funded + "/owner").token(person.accessToken())
                .json(Map.of("ownerId", person.id().toString())).send());
        ok(api.post("/api/v1/initiatives/" + funded + "/reviews").token(person.accessToken())
                .json(Map.of("decision", "APPROVE")).send());
        int year = LocalDate.now(ZoneId.of("Europe/Amsterdam")).getYear();
        String budget = "/api/v1/wijkplatforms/" + wijk.wijkplatform().id() + "/budgets/" + year;
        ok(api.put(budget).token(person.accessToken()).json(Map.of("amountCents", 100_000)).send());
        ok(api.post(budget + "/grants").token(person.accessToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("initiativeId", funded, "amountCents", 10_000)).send());

        // Volunteering, as an official: an opportunity they organise and coordinate, with a shift whose hours
        // they confirm for themselves and a neighbour. As a resident: a profile and a seat on a shift to come.
        String opportunity = created(api.post("/api/v1/volunteer-opportunities").token(person.accessToken())
                .json(Map.of("title", "Buurtmaaltijd samen", "description", "Samen koken en eten.",
                        "wijkId", wijk.id().toString(), "skills", List.of("koken"),
                        "coordinatorIds", List.of(person.id().toString()))).send());
        ok(api.put("/api/v1/me/volunteer-profile").token(person.accessToken()).json(Map.of("skills", List.of("koken"),
                "availability", List.of("WEEKENDS"), "newOpportunityNotices", true)).send());
        Instant soon = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        String shifts = "/api/v1/volunteer-opportunities/" + opportunity + "/shifts";
        String past = created(api.post(shifts).token(person.accessToken()).json(Map.of("startsAt", soon.toString(),
                "endsAt", soon.plus(Duration.ofHours(1)).toString(), "capacity", 5)).send());
        String later = created(api.post(shifts).token(person.accessToken()).json(Map.of(
                "startsAt", soon.plus(Duration.ofDays(3)).toString(),
                "endsAt", soon.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)).toString(), "capacity", 5)).send());
        ok(api.post("/api/v1/shifts/" + past + "/signups").token(person.accessToken()).send());
        ok(api.post("/api/v1/shifts/" + past + "/signups").token(neighbour.accessToken()).send());
        ok(api.post("/api/v1/shifts/" + later + "/signups").token(person.accessToken()).send());
        // Dialoogtafels, as the chair: a table they create that starts soon, with them and the neighbour at it, and
        // one to come with a single seat, theirs, the neighbour waiting. As a resident: new tables in their wijk.
        String soonTable = created(api.post("/api/v1/dialoogtafels").token(person.accessToken())
                .json(dialoogtafel(wijk, soon, soon.plus(Duration.ofHours(1)), 5)).send());
        String laterTable = created(api.post("/api/v1/dialoogtafels").token(person.accessToken())
                .json(dialoogtafel(wijk, soon.plus(Duration.ofDays(3)), soon.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)), 1))
                .send());
        ok(api.post("/api/v1/dialoogtafels/" + soonTable + "/registrations").token(person.accessToken()).send());
        String neighbourSeat = created(api.post("/api/v1/dialoogtafels/" + soonTable + "/registrations")
                .token(neighbour.accessToken()).send());
        ok(api.post("/api/v1/dialoogtafels/" + laterTable + "/registrations").token(person.accessToken()).send());
        ok(api.post("/api/v1/dialoogtafels/" + laterTable + "/registrations").token(neighbour.accessToken()).send());
        ok(api.put("/api/v1/me/dialoogtafel-alerts").token(person.accessToken()).json(Map.of("newInMyWijk", true)).send());
        // A colleague moves a table the person is registered for: a mail for the person, still to send.
        Person colleagueOfficial = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        String movedTable = created(api.post("/api/v1/dialoogtafels").token(colleagueOfficial.accessToken())
                .json(dialoogtafel(wijk, soon.plus(Duration.ofDays(5)), soon.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)), 5))
                .send());
        ok(api.post("/api/v1/dialoogtafels/" + movedTable + "/registrations").token(person.accessToken()).send());
        ok(api.patch("/api/v1/dialoogtafels/" + movedTable).token(colleagueOfficial.accessToken())
                .json(Map.of("place", Map.of("name", "Bibliotheek", "address", "Markt 1"))).send());
        clock.advance(Duration.ofHours(3));
        ok(api.put("/api/v1/dialoogtafels/" + soonTable + "/attendance").token(person.accessToken())
                .json(Map.of("registrations", List.of(Map.of("registrationId", neighbourSeat, "attendance", "PRESENT"))))
                .send());
        ok(api.put("/api/v1/dialoogtafels/" + soonTable + "/report").token(person.accessToken())
                .json(Map.of("summary", "Een goed gesprek.", "participantCount", 2, "actionPoints", List.of())).send());
        ok(api.put("/api/v1/shifts/" + past + "/hours").token(person.accessToken()).json(Map.of("volunteers", List.of(
                Map.of("volunteerId", person.id().toString(), "minutes", 60),
                Map.of("volunteerId", neighbour.id().toString(), "minutes", 45)))).send());

        // Right to Challenge. As a resident: the contact of a proposal of their own, and a member who reports
        // on a neighbour's proposal in another wijk. As official and chair: every step on a third proposal.
        String ownChallenge = created(api.post("/api/v1/challenges").token(person.accessToken())
                .json(challenge(wijk, "Eigen uitdaging")).send());
        ok(api.post("/api/v1/challenges/" + ownChallenge + "/status-changes").token(person.accessToken())
                .json(Map.of("action", "SUBMIT_INTAKE")).send());
        WijkDetail north = fixtures.wijk(municipality.id(), "Noord");
        Person northChair = fixtures.withRole(municipality.id(), Role.CHAIR, north.wijkplatform().id());
        Person northOfficial = fixtures.withRole(municipality.id(), Role.OFFICIAL, municipality.id());
        String reported = challengeInExecution(neighbour, north, northOfficial, northChair, person);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        ok(api.post("/api/v1/challenges/" + reported + "/progress-reports").token(person.accessToken())
                .json(Map.of("reportingMoment", today.plusMonths(3).toString(), "text", "Gemaaid.", "spentCents", 100))
                .send());
        String judged = challengeInExecution(neighbour, wijk, person, person, null);
        ok(api.put("/api/v1/challenges/" + judged + "/evaluation").token(person.accessToken())
                .json(Map.of("outcome", "ADJUST", "summary", "Vaker maaien.")).send());

        // A reminder that waits for its moment. Features schedule these in their own transactions; here the
        // one helper that does it for every feature's tests stands in for them.
        reminders.schedule("coverage:" + person.id() + ":reminder", Instant.now().plus(Duration.ofDays(30)),
                List.of(new Notice(person.id(), NotificationCategory.REMINDERS, "INITIATIVE_OWNER_ASSIGNED",
                        "INITIATIVE", UUID.fromString(own), Map.of("title", "Eigen plan"))));

        // Sign-in: a failed attempt, and a mailed token.
        assertThat(api.post("/api/v1/auth/login").json(Map.of("username", person.email(), "password", "fout"))
                .send().status()).isEqualTo(401);
        ok(api.post("/api/v1/accounts/password-resets").json(Map.of("email", person.email())).send());

        Map<String, List<String>> before = rowsOf(person);
        assertThat(before).as("the person has rows in every table with personal data")
                .allSatisfy((table, keys) -> assertThat(keys).as(table).isNotEmpty());

        ApiResponse export = api.get("/api/v1/me/export").token(person.accessToken()).send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().at("/sections/account/roleChangesMade")).isNotEmpty();
        assertThat(export.json().at("/sections/account/roleInvitationsSent")).isNotEmpty();
        assertThat(export.json().at("/sections/account/mailedTokens")).isNotEmpty();
        assertThat(export.json().at("/sections/account/signIns")).isNotEmpty();
        assertThat(export.json().at("/sections/initiatives/statusChanges").findValuesAsText("reason"))
                .as("status changes with their reasons").isNotEmpty();
        assertThat(export.json().at("/sections/initiatives/moderation").findValuesAsText("reason"))
                .containsExactly("Niet respectvol");
        assertThat(export.json().at("/sections/initiatives/reviews").findValuesAsText("reason"))
                .as("the request for changes with its reason, and the approval without one")
                .containsExactlyInAnyOrder("Graag een begroting", "");
        assertThat(export.json().at("/sections/notifications")).isNotEmpty();
        assertThat(export.json().at("/sections/notifications/scheduled").findValuesAsText("title"))
                .as("the reminder scheduled here, the one of the shift to come, those of the dialoogtafels, and the one"
                        + " of a report to write")
                .containsExactlyInAnyOrder("Uw initiatief heeft een behandelaar", "Morgen is uw dienst",
                        "Morgen is uw dialoogtafel", "Morgen is uw dialoogtafel", "Morgen is uw dialoogtafel",
                        "Rapportage over een week");
        assertThat(export.json().at("/sections/notifications/mailsToSend").findValuesAsText("subject"))
                .containsExactly("Uw dialoogtafel is gewijzigd");
        assertThat(export.json().at("/sections/idempotentRequests")).isNotEmpty();
        assertThat(export.json().at("/sections/wijkbudget/grants")).isNotEmpty();
        assertThat(export.json().at("/sections/wijkbudget/ledgerEntries")).isNotEmpty();

        assertThat(export.json().at("/sections/volunteering/profile/skills")).extracting(JsonNode::asText).containsExactly("koken");
        assertThat(export.json().at("/sections/volunteering/signups")).hasSize(2);
        assertThat(export.json().at("/sections/volunteering/organised")).hasSize(1);
        assertThat(export.json().at("/sections/volunteering/coordinated")).hasSize(1);
        assertThat(export.json().at("/sections/volunteering/hoursConfirmed")).hasSize(2);

        assertThat(export.json().at("/sections/dialoogtafels/registrations")).hasSize(3);
        assertThat(export.json().at("/sections/dialoogtafels/created")).hasSize(2);
        assertThat(export.json().at("/sections/dialoogtafels/reportsPublished")).hasSize(1);
        assertThat(export.json().at("/sections/dialoogtafels/attendanceRecorded")).hasSize(1);
        assertThat(export.json().at("/sections/dialoogtafels/alerts/newInMyWijkSince").isTextual()).isTrue();
        assertThat(export.json().at("/sections/challenges/groups")).hasSize(2);
        assertThat(export.json().at("/sections/challenges/progressReports").findValuesAsText("text")).containsExactly("Gemaaid.");
        assertThat(export.json().at("/sections/challenges/steps/evaluations")).hasSize(1);

        assertThat(fixtures.erase(person).status()).isEqualTo(204);
        assertThat(rowsOf(person)).as("nothing of the person is left")
                .allSatisfy((table, keys) -> assertThat(keys).as(table).isEmpty());
        assertThat(api.get("/api/v1/dialoogtafels/" + laterTable).token(neighbour.accessToken()).send().json()
                .at("/myRegistration/status").asText()).as("the seat given back on erasure goes to the waiting list")
                .isEqualTo("CONFIRMED");
    }

    private static Map<String, Object> challenge(WijkDetail wijk, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("task", "Het onderhoud van het plantsoen.");
        body.put("wijkId", wijk.id().toString());
        body.put("groupName", "Plantsoengroep");
        body.put("plan", "Buren onderhouden het plantsoen.");
        body.put("requestedBudgetCentsPerYear", 500_000);
        body.put("socialValue", "Ontmoeting.");
        body.put("supportDescription", "Een buurtavond.");
        body.put("supporterCount", 30);
        return body;
    }

    /**
     * A proposal of {@code initiator} in {@code wijk}, taken to execution by the official and the chair,
     * with {@code member} (when given) in its group and reporting moments in three and six months.
     */
    private String challengeInExecution(Person initiator, WijkDetail wijk, Person official, Person chair,
                                        @Nullable Person member) {
        String id = created(api.post("/api/v1/challenges").token(initiator.accessToken())
                .json(challenge(wijk, "Uitdaging " + UUID.randomUUID())).send());
        String path = "/api/v1/challenges/" + id;
        if (member != null) {
            ok(api.post(path + "/members").token(member.accessToken()).send());
        }
        ok(api.post(path + "/status-changes").token(initiator.accessToken()).json(Map.of("action", "SUBMIT_INTAKE")).send());
        ok(api.put(path + "/eligibility").token(official.accessToken())
                .json(Map.of("eligible", true, "reason", "Geen wettelijke taak.")).send());
        ok(api.post(path + "/status-changes").token(initiator.accessToken()).json(Map.of("action", "SUBMIT_PLAN")).send());
        ok(api.put(path + "/advice").token(chair.accessToken())
                .json(Map.of("position", "SUPPORT", "motivation", "Goed plan.")).send());
        ok(api.post(path + "/status-changes").token(official.accessToken()).json(Map.of("action", "START_ASSESSMENT")).send());
        Map<String, Object> score = Map.of("score", 4, "motivation", "Goed.");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        ok(api.put(path + "/assessment").token(official.accessToken()).json(Map.of(
                "scores", Map.of("quality", score, "cost", score, "socialValue", score, "support", score, "ownership", score),
                "decision", "ACCEPTED", "decidingBody", "College van B en W", "decisionDate", today.toString())).send());
        ok(api.put(path + "/agreement").token(official.accessToken()).json(Map.of(
                "taskDescription", "Onderhoud van het plantsoen.", "budgetCentsPerYear", 450_000,
                "startDate", today.toString(), "endDate", today.plusYears(1).toString(),
                "reportingMoments", List.of(today.plusMonths(3).toString(), today.plusMonths(6).toString()),
                "contactPersons", List.of("Wijkregisseur"))).send());
        return id;
    }

    /** A connection of its own, outside the application's transactions. */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    private void grant(Person person, Role role, UUID scope) {
        fixtures.grant(person.id(), role, scope);
    }

    private Map<String, List<String>> rowsOf(Person person) throws SQLException {
        Map<String, List<String>> rows = new HashMap<>();
        try (Connection connection = connect()) {
            for (Map.Entry<String, String> table : PERSONAL_DATA.entrySet()) {
                String sql = table.getValue().replace(":id", "?").replace(":email", "?").replace(":throttle", "?");
                List<String> parameters = new ArrayList<>();
                Matcher names = PARAMETER.matcher(table.getValue());
                while (names.find()) {
                    parameters.add(switch (names.group(1)) {
                        case "id" -> person.id().toString();
                        case "email" -> person.email();
                        default -> Hashing.sha256Hex("sign-in:account:" + person.id());
                    });
                }
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.size(); i++) {
                        statement.setString(i + 1, parameters.get(i));
                    }
                    List<String> keys = new ArrayList<>();
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            keys.add(result.getString(1));
                        }
                    }
                    rows.put(table.getKey(), keys);
                }
            }
        }
        return rows;
    }

    private static Map<String, Object> dialoogtafel(WijkDetail wijk, Instant start, Instant end, int capacity) {
        return Map.of("title", "Samen in gesprek", "description", "Over de wijk.", "theme", "LEEFBAARHEID",
                "wijkId", wijk.id().toString(), "place", Map.of("name", "Buurthuis", "address", "Kade 1"),
                "startsAt", start.toString(), "endsAt", end.toString(), "capacity", capacity);
    }

    private static Map<String, Object> content(WijkDetail wijk, String title) {
        return Map.of("title", title, "description", "Samen iets moois maken in de wijk.", "theme", "GROEN",
                "wijkId", wijk.id().toString(), "requestedBudgetCents", 0);
    }

    private static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
        return response;
    }

    private static String created(ApiResponse response) {
        return ok(response).text("/id");
    }
}
