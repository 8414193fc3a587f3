package nl.wijkopmaat.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.support.Api;
import nl.wijkopmaat.support.ApiResponse;
import nl.wijkopmaat.support.Fixtures;
import nl.wijkopmaat.support.Fixtures.Person;
import nl.wijkopmaat.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor against known activity: every figure, share and verdict of a scenario, small numbers
 * withheld in JSON and CSV (with the second figure that would give one away), one count per person
 * however many ways they took part, and past quarters untouched by an erasure.
 */
@MicronautTest(transactional = false)
class MonitorTest {

    @Inject
    Api api;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    MonitorSnapshots snapshots;
    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    MonitorWorld world;
    /** Ten in the morning, five days into the next quarter: every act of a test falls in one quarter. */
    Instant start;

    @BeforeEach
    void setUp() {
        start = Quarter.of(Instant.now()).end().atZone(Quarter.MUNICIPAL_TIME).plusDays(5).withHour(10).toInstant();
        clock.setTo(start);
        world = new MonitorWorld(api, fixtures);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void refresh() {
        assertThat(snapshots.refresh(world.municipality.id(), Duration.ZERO)).isTrue();
    }

    private List<Person> residents(BuurtView buurt, int count) {
        return IntStream.range(0, count).mapToObj(i -> world.residentOf(buurt)).toList();
    }

    @Test
    void aScenarioShowsExactlyTheExpectedFiguresSharesAndVerdicts() {
        BuurtView noord = world.wijk.buurten().get(0);
        BuurtView zuid = world.wijk.buurten().get(1);
        WijkDetail small = world.wijk("Oost");
        WijkDetail third = world.wijk("West");
        List<Person> r = residents(noord, 7);
        List<Person> z = residents(zuid, 6);
        List<Person> b = residents(small.buurten().get(0), 3);
        List<Person> c = residents(third.buurten().get(0), 5);
        world.inhabitants(world.wijk.id(), start.atZone(Quarter.MUNICIPAL_TIME).getYear() - 1, 60);
        LocalDate today = LocalDate.ofInstant(start, Quarter.MUNICIPAL_TIME);
        world.target("ACTIVE_SHARE", "AT_LEAST", 20, today.minusYears(1));
        world.target("ANSWERED_IN_TERM_SHARE", "AT_LEAST", 50, today.minusYears(1));
        world.target("VOLUNTEER_SHARE", "AT_LEAST", 33, today.minusYears(1));

        // Active in wijk A: r0 (submits), r1..r3, z0, z1 (support), r1 again (comments), r4 and z2
        // (attend), r2 and z3 (volunteer), r3 again (joins a group): nine people, five in Noord and
        // four in Zuid. One of Oost and all five of West support too.
        String answered = world.submittedInitiative(r.get(0), world.wijk);
        String late = world.submittedInitiative(r.get(0), world.wijk);
        world.takeIntoReview(answered);
        world.takeIntoReview(late);
        for (Person supporter : List.of(r.get(1), r.get(2), r.get(3), z.get(0), z.get(1), b.get(0))) {
            world.support(supporter, answered);
        }
        c.forEach(person -> world.support(person, answered));
        world.comment(r.get(1), answered);
        world.challengeInIntake(r.get(3));
        String table = world.dialoogtafel(start.plus(Duration.ofHours(1)));
        String present = world.register(r.get(4), table);
        String alsoPresent = world.register(z.get(2), table);
        String absent = world.register(r.get(5), table);
        String shift = world.shift(start.plus(Duration.ofHours(1)));
        world.signUp(r.get(2), shift);
        world.signUp(z.get(3), shift);
        world.signUp(r.get(6), shift);
        clock.advance(Duration.ofHours(4));
        world.attendance(table, Map.of(present, "PRESENT", alsoPresent, "PRESENT", absent, "ABSENT"));
        world.hours(shift, List.of(Map.of("volunteerId", r.get(2).id().toString(), "minutes", 120),
                Map.of("volunteerId", z.get(3).id().toString(), "minutes", 90),
                Map.of("volunteerId", r.get(6).id().toString(), "noShow", true)));
        world.review(answered, "APPROVE");
        world.budget(today.getYear(), 1_000_000, answered, 200_000, 50_000, today);
        clock.advance(Duration.ofDays(20));
        world.review(late, "REJECT");
        refresh();

        JsonNode quarter = world.wijkMonitor(world.wijk.id()).json().get("quarters").get(0);
        assertThat(quarter.get("quarter").asText()).isEqualTo(Quarter.of(start).label());
        assertThat(quarter.get("complete").asBoolean()).isFalse();
        JsonNode figures = quarter.get("figures");
        JsonNode residents = figures.get("residents");
        assertThat(residents.get("inhabitants").asLong()).isEqualTo(60);
        assertThat(residents.get("registered").asLong()).isEqualTo(13);
        assertThat(residents.get("active").asLong()).isEqualTo(9);
        assertThat(residents.get("activeSharePercent").asDouble()).isEqualTo(15.0);
        assertThat(residents.get("suppressed")).isEmpty();
        JsonNode volunteering = figures.get("volunteering");
        assertThat(volunteering.get("volunteers").isNull()).isTrue();
        assertThat(volunteering.get("volunteerSharePercent").isNull()).isTrue();
        assertThat(texts(volunteering.get("suppressed"))).containsExactly("volunteers", "volunteerSharePercent");
        assertThat(volunteering.get("confirmedHours").asDouble()).isEqualTo(3.5);
        JsonNode initiatives = figures.get("initiatives");
        assertThat(initiatives.get("submitted").asLong()).isEqualTo(2);
        assertThat(initiatives.get("approved").asLong()).isEqualTo(1);
        assertThat(initiatives.get("completed").asLong()).isZero();
        assertThat(initiatives.get("answered").asLong()).isEqualTo(2);
        assertThat(initiatives.get("answeredInTerm").asLong()).isEqualTo(1);
        assertThat(initiatives.get("answeredInTermPercent").asDouble()).isEqualTo(50.0);
        LocalDate answeredLate = LocalDate.ofInstant(clock.instant(), Quarter.MUNICIPAL_TIME);
        assertThat(initiatives.get("medianWorkingDaysToAnswer").asDouble())
                .isEqualTo(workingDaysBetween(today, answeredLate) / 2.0);
        JsonNode dialoogtafels = figures.get("dialoogtafels");
        assertThat(dialoogtafels.get("held").asLong()).isEqualTo(1);
        assertThat(dialoogtafels.get("attendance").isNull()).isTrue();
        assertThat(texts(dialoogtafels.get("suppressed"))).containsExactly("attendance");
        JsonNode budget = figures.get("wijkbudget");
        assertThat(budget.get("allocatedCents").asLong()).isEqualTo(1_000_000);
        assertThat(budget.get("grantedCents").asLong()).isEqualTo(200_000);
        assertThat(budget.get("paidCents").asLong()).isEqualTo(50_000);
        assertThat(budget.get("spentPercent").asDouble()).isEqualTo(5.0);
        assertThat(figures.get("challenges").get("byStatus").get("INTAKE").asLong()).isEqualTo(1);
        assertThat(figures.get("challenges").get("total").asLong()).isEqualTo(1);

        Map<String, JsonNode> verdicts = new java.util.TreeMap<>();
        quarter.get("targets").forEach(target -> verdicts.put(target.get("indicator").asText(), target));
        assertThat(verdicts.get("ACTIVE_SHARE").get("actualPercent").asDouble()).isEqualTo(15.0);
        assertThat(verdicts.get("ACTIVE_SHARE").get("met").asBoolean()).isFalse();
        assertThat(verdicts.get("ANSWERED_IN_TERM_SHARE").get("met").asBoolean()).isTrue();
        assertThat(verdicts.get("VOLUNTEER_SHARE").get("met").isNull()).isTrue();

        // Buurten: four active in Zuid are withheld, and so is Noord, the only other one.
        JsonNode buurten = quarter.get("buurten");
        assertThat(buurten.get(0).get("name").asText()).isEqualTo("Noord");
        assertThat(buurten.get(0).get("residents").get("registered").asLong()).isEqualTo(7);
        assertThat(buurten.get(0).get("residents").get("active").isNull()).isTrue();
        assertThat(buurten.get(1).get("residents").get("registered").asLong()).isEqualTo(6);
        assertThat(buurten.get(1).get("residents").get("active").isNull()).isTrue();
        assertThat(texts(buurten.get(1).get("residents").get("suppressed"))).containsExactly("active", "activeSharePercent");

        // Side by side: Oost's one active resident and three registered are withheld, and West's
        // five (the smallest other) with them; the total shows.
        JsonNode side = world.municipalityMonitor().json().get("quarters").get(0);
        assertThat(side.get("total").get("residents").get("active").asLong()).isEqualTo(15);
        assertThat(side.get("total").get("residents").get("registered").asLong()).isEqualTo(21);
        Map<String, JsonNode> columns = new java.util.TreeMap<>();
        side.get("wijken").forEach(column -> columns.put(column.get("wijkId").asText(), column.get("figures")));
        assertThat(columns.get(world.wijk.id().toString()).get("residents").get("active").asLong()).isEqualTo(9);
        assertThat(columns.get(small.id().toString()).get("residents").get("active").isNull()).isTrue();
        assertThat(columns.get(third.id().toString()).get("residents").get("active").isNull()).isTrue();
        assertThat(columns.get(third.id().toString()).get("residents").get("registered").isNull()).isTrue();
        // West's own view withholds what the side-by-side view withholds.
        JsonNode west = world.wijkMonitor(third.id()).json().get("quarters").get(0).get("figures").get("residents");
        assertThat(west.get("active").isNull()).isTrue();

        for (String path : List.of("/api/v1/wijken/" + world.wijk.id() + "/monitor", "/api/v1/wijken/" + small.id() + "/monitor",
                "/api/v1/wijken/" + third.id() + "/monitor", "/api/v1/municipalities/" + world.municipality.id() + "/monitor")) {
            assertNoSmallCounts(world.wijkOrMunicipality(path));
            assertNoSmallCountsInCsv(world.csv(path));
        }
        String csv = world.csv("/api/v1/wijken/" + world.wijk.id() + "/monitor").body();
        assertThat(csv).startsWith("\uFEFFquarter;wijk;buurt;");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow())
                .startsWith(Quarter.of(start).label() + ";" + world.wijk.name() + ";;60;;")
                .contains(";13;9;15;<5;<5;3,5;2;1;0;2;1;50;");
    }

    @Test
    void onePersonActingInSeveralWaysCountsOnce() {
        BuurtView noord = world.wijk.buurten().get(0);
        Person busy = world.residentOf(noord);
        List<Person> others = residents(noord, 4);
        String theirs = world.submittedInitiative(others.get(0), world.wijk);
        String own = world.submittedInitiative(busy, world.wijk);
        world.support(busy, theirs);
        world.comment(busy, theirs);
        world.comment(busy, own);
        world.challengeInIntake(busy);
        String table = world.dialoogtafel(start.plus(Duration.ofHours(1)));
        String seat = world.register(busy, table);
        String shift = world.shift(start.plus(Duration.ofHours(1)));
        world.signUp(busy, shift);
        others.subList(1, 4).forEach(person -> world.support(person, theirs));
        clock.advance(Duration.ofHours(4));
        world.attendance(table, Map.of(seat, "PRESENT"));
        world.hours(shift, List.of(Map.of("volunteerId", busy.id().toString(), "minutes", 60)));
        refresh();

        JsonNode residents = world.wijkMonitor(world.wijk.id()).json().get("quarters").get(0).get("figures").get("residents");
        assertThat(residents.get("registered").asLong()).isEqualTo(5);
        assertThat(residents.get("active").asLong()).isEqualTo(5);
    }

    @Test
    void erasingAPersonLeavesPastQuartersAndIsNotCountedAfterwards() {
        BuurtView noord = world.wijk.buurten().get(0);
        Person author = world.residentOf(noord);
        List<Person> supporters = residents(noord, 6);
        String initiative = world.submittedInitiative(author, world.wijk);
        supporters.forEach(person -> world.support(person, initiative));
        refresh();
        clock.advance(Duration.ofDays(95));
        refresh();
        JsonNode before = world.wijkMonitor(world.wijk.id()).json().get("quarters");
        assertThat(before.get(1).get("complete").asBoolean()).isTrue();
        assertThat(before.get(1).get("figures").get("residents").get("active").asLong()).isEqualTo(7);
        assertThat(before.get(0).get("figures").get("residents").get("active").asLong()).isEqualTo(7);

        assertThat(world.erase(supporters.get(0)).status()).isEqualTo(204);
        refresh();

        JsonNode after = world.wijkMonitor(world.wijk.id()).json().get("quarters");
        assertThat(after.get(1)).isEqualTo(before.get(1));
        assertThat(after.get(0).get("figures").get("residents").get("active").asLong()).isEqualTo(6);
        assertThat(after.get(0).get("figures").get("residents").get("registered").asLong()).isEqualTo(6);
    }

    @Test
    void aMonitorRefreshedElsewhereOrJustNowIsPassedOver() throws Exception {
        refresh();
        assertThat(snapshots.refresh(world.municipality.id(), Duration.ofHours(1))).isFalse();
        try (Connection other = DriverManager.getConnection(url, username, password)) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT refreshed_at FROM monitor_refresh WHERE municipality_id = ? FOR UPDATE")) {
                lock.setString(1, world.municipality.id().toString());
                lock.executeQuery().close();
            }
            assertThat(snapshots.refresh(world.municipality.id(), Duration.ZERO)).isFalse();
            other.rollback();
        }
        refresh();
    }

    @Test
    void onlyAdminsSetInhabitantsAndTargetsAndBadInputNamesEveryField() {
        String inhabitants = "/api/v1/wijken/" + world.wijk.id() + "/inhabitants";
        ApiResponse bad = api.put(inhabitants).token(world.admin.accessToken()).invalidInput()
                .json(Map.of("inhabitants", -1, "households", "veel", "demo", "ja")).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(names(bad)).containsExactlyInAnyOrder("year", "inhabitants", "households", "demo");
        assertThat(api.put(inhabitants).token(world.chair.accessToken())
                .json(Map.of("year", 2025, "inhabitants", 100)).send().status()).isEqualTo(403);
        assertThat(api.put(inhabitants).json(Map.of("year", 2025, "inhabitants", 100)).send().status()).isEqualTo(401);
        ApiResponse buurt = api.put("/api/v1/buurten/" + world.wijk.buurten().get(0).id() + "/inhabitants")
                .token(world.admin.accessToken()).json(Map.of("year", 2025, "inhabitants", 40, "households", 18, "demo", true))
                .send();
        assertThat(buurt.status()).isEqualTo(200);
        assertThat(buurt.json().get("demo").asBoolean()).isTrue();

        String targets = "/api/v1/municipalities/" + world.municipality.id() + "/monitor-targets/";
        ApiResponse badTarget = api.put(targets + "ACTIVE_SHARE").token(world.admin.accessToken()).invalidInput()
                .json(Map.of("comparison", "MORE", "targetPercent", 150, "startDate", "morgen")).send();
        assertThat(badTarget.status()).isEqualTo(400);
        assertThat(names(badTarget)).containsExactlyInAnyOrder("comparison", "targetPercent", "startDate");
        ApiResponse fraction = api.put(targets + "ACTIVE_SHARE").token(world.admin.accessToken()).invalidInput()
                .json(Map.of("comparison", "AT_LEAST", "targetPercent", 20.25, "startDate", "2026-01-01")).send();
        assertThat(names(fraction)).containsExactly("targetPercent");
        ApiResponse unknown = api.put(targets + "HAPPINESS").token(world.admin.accessToken()).invalidInput()
                .json(Map.of("comparison", "AT_LEAST", "targetPercent", 20, "startDate", "2026-01-01")).send();
        assertThat(names(unknown)).containsExactly("indicator");
        assertThat(api.put(targets + "ACTIVE_SHARE").token(world.official.accessToken())
                .json(Map.of("comparison", "AT_LEAST", "targetPercent", 20, "startDate", "2026-01-01")).send().status())
                .isEqualTo(403);
        world.target("ACTIVE_SHARE", "AT_LEAST", 20, LocalDate.of(2026, 1, 1));
        world.target("ACTIVE_SHARE", "AT_LEAST", 25.5, LocalDate.of(2027, 1, 1));
        JsonNode list = api.get("/api/v1/municipalities/" + world.municipality.id() + "/monitor-targets").send().json();
        assertThat(list.get("items")).hasSize(2);
        assertThat(list.get("items").get(1).get("targetPercent").asDouble()).isEqualTo(25.5);
    }

    private static List<String> names(ApiResponse problem) {
        List<String> names = new ArrayList<>();
        problem.json().get("invalidParams").forEach(param -> names.add(param.get("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static final List<String> PEOPLE = List.of("registered", "active", "volunteers", "attendance");

    /** No count of people anywhere in the document is between 1 and 4. */
    private static void assertNoSmallCounts(JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (PEOPLE.contains(field.getKey()) && field.getValue().isNumber()) {
                    assertThat(field.getValue().asLong()).as(field.getKey()).satisfiesAnyOf(
                            count -> assertThat(count).isZero(), count -> assertThat(count).isGreaterThanOrEqualTo(5));
                }
                assertNoSmallCounts(field.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(MonitorTest::assertNoSmallCounts);
        }
    }

    private static void assertNoSmallCountsInCsv(ApiResponse csv) {
        List<String> lines = csv.body().lines().toList();
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(";", -1));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";", -1);
            for (String column : PEOPLE) {
                String cell = cells[header.indexOf(column)];
                assertThat(cell).as(column + " in " + line).matches("|<5|0|[5-9]|[1-9][0-9]+");
            }
        }
    }

    private static int workingDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
