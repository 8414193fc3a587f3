package nl.wijkopmaat.demo;

import io.micronaut.context.ApplicationContext;
import nl.wijkopmaat.account.AssignedRole;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.geography.GeographyViews.WijkSummary;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Starts the application context twice, as a developer restarting the server would, and reads the
 * result through the services. A plain context rather than {@code @MicronautTest}, because the test
 * is about what happens at start-up.
 */
class DemoDataTest {

    private static final Map<String, Object> DEMO_DATA_ENABLED = Map.of("wijkopmaat.demo-data.enabled", true);

    @Test
    void loadsMaassluisAndASecondStartChangesNothing() {
        LoadedDemo first = startAndRead();
        LoadedDemo second = startAndRead();

        assertThat(first.maassluisWijken()).extracting(WijkSummary::name).containsExactlyInAnyOrder(
                "Taanshuurpolder e.o.", "Dijkpolder", "Sluispolder", "Kapelpolder", "Burgemeesterswijk",
                "Steendijkpolder");
        assertThat(first.sluispolder().buurten()).extracting(BuurtView::name)
                .containsExactlyInAnyOrder("Sluispolder Oost", "Sluispolder West", "Binnenstad");
        assertThat(first.sluispolderBoard()).extracting(AssignedRole::email, AssignedRole::role)
                .containsExactlyInAnyOrder(
                        tuple("voorzitter@maassluis.demo", Role.CHAIR),
                        tuple("secretaris@maassluis.demo", Role.SECRETARY));
        assertThat(first.chairHoldsChair()).isTrue();
        assertThat(first.maassluisStaff()).extracting(AssignedRole::email, AssignedRole::role)
                .containsExactlyInAnyOrder(
                        tuple("wijkregisseur@maassluis.demo", Role.OFFICIAL),
                        tuple("beheer@maassluis.demo", Role.ADMIN));

        assertThat(first.dialoogtafels()).extracting(DemoTable::title, DemoTable::wijkId)
                .containsExactlyInAnyOrder(
                        tuple(DemoData.DIALOOGTAFEL_SLUISPOLDER, first.sluispolder().id().toString()),
                        tuple(DemoData.DIALOOGTAFEL_KAPELPOLDER, first.kapelpolderId()));
        assertThat(first.dialoogtafels()).allMatch(table -> table.startsAt().isAfter(Instant.now()));

        assertThat(first.sluispolderOpportunities()).hasSize(1);
        assertThat(first.sluispolderOpportunities().values().iterator().next()).hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(start -> start.isAfter(Instant.now()));

        assertThat(first.sluispolderChallenges().values()).containsExactlyInAnyOrder(
                "DRAFT", "SUBMITTED", "IN_ASSESSMENT", "IN_EXECUTION", "EVALUATED");

        assertThat(first.maassluisPlatformContacts()).hasSize(6).doesNotContainNull()
                .contains("wijkplatform.sluispolder@maassluis.demo", "wijkplatform.taanshuurpolder-e-o@maassluis.demo")
                .allMatch(address -> address.startsWith("wijkplatform."));

        // Same rows, same ids, nothing added: the second start found everything in place.
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theFlagAloneLoadsNothingOutsideTheDevelopmentEnvironment() {
        try (ApplicationContext context = ApplicationContext.run(DEMO_DATA_ENABLED, "test")) {
            assertThat(context.containsBean(DemoData.class)).isFalse();
        }
    }

    private static LoadedDemo startAndRead() {
        try (ApplicationContext context = ApplicationContext.run(DEMO_DATA_ENABLED, "test", "dev")) {
            GeographyService geography = context.getBean(GeographyService.class);
            RoleAssignmentService roles = context.getBean(RoleAssignmentService.class);

            MunicipalityView maassluis = geography.findMunicipalityByName("Maassluis").orElseThrow();
            List<WijkSummary> wijken = geography.listWijken(maassluis.id(), PageRequest.first(100)).items();
            WijkSummary sluispolderSummary = wijken.stream()
                    .filter(wijk -> wijk.name().equals("Sluispolder")).findFirst().orElseThrow();
            WijkDetail sluispolder = geography.getWijk(sluispolderSummary.id());
            List<AssignedRole> board = roles.holders(sluispolder.wijkplatform().id(), List.of(Role.CHAIR, Role.SECRETARY));
            boolean chairHoldsChair = board.stream()
                    .filter(holder -> holder.email().equals("voorzitter@maassluis.demo"))
                    .findFirst()
                    .map(chair -> roles.has(chair.accountId(), Role.CHAIR, sluispolder.wijkplatform().id()))
                    .orElse(false);
            List<AssignedRole> staff = roles.staff(maassluis.id(), PageRequest.first(100)).items();
            String kapelpolder = wijken.stream().filter(wijk -> wijk.name().equals("Kapelpolder")).findFirst()
                    .orElseThrow().id().toString();
            return new LoadedDemo(maassluis, wijken, sluispolder, kapelpolder, board, chairHoldsChair, staff,
                    volunteering(context, sluispolder), dialoogtafels(context), challenges(context, sluispolder),
                    wijken.stream().map(wijk -> geography.getWijkplatform(wijk.wijkplatformId()).contactEmail()).toList());
        }
    }

    /** The demo's volunteer opportunities in the wijk, each with the starts of its shifts. */
    private static Map<String, List<Instant>> volunteering(ApplicationContext context, WijkDetail wijk) {
        Map<String, List<Instant>> shifts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(
                context.getRequiredProperty("datasources.default.url", String.class),
                context.getProperty("datasources.default.username", String.class).orElse("root"),
                context.getProperty("datasources.default.password", String.class).orElse(""));
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT o.id, s.starts_at FROM volunteer_opportunity o
                     LEFT JOIN volunteer_shift s ON s.opportunity_id = o.id
                     WHERE o.wijk_id = ? AND o.title = ? ORDER BY o.id, s.starts_at""")) {
            statement.setString(1, wijk.id().toString());
            statement.setString(2, DemoData.VOLUNTEER_OPPORTUNITY);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<Instant> starts = shifts.computeIfAbsent(rows.getString(1), id -> new ArrayList<>());
                    if (rows.getTimestamp(2) != null) {
                        starts.add(rows.getTimestamp(2).toInstant());
                    }
                }
            }
            return shifts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo's dialoogtafels still to come, by title. */
    private static List<DemoTable> dialoogtafels(ApplicationContext context) {
        List<DemoTable> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                context.getRequiredProperty("datasources.default.url", String.class),
                context.getProperty("datasources.default.username", String.class).orElse("root"),
                context.getProperty("datasources.default.password", String.class).orElse(""));
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT id, title, wijk_id, starts_at FROM dialoogtafel WHERE title IN (?, ?) AND starts_at > NOW()
                     ORDER BY id""")) {
            statement.setString(1, DemoData.DIALOOGTAFEL_SLUISPOLDER);
            statement.setString(2, DemoData.DIALOOGTAFEL_KAPELPOLDER);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(new DemoTable(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant()));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo's Right to Challenge proposals in the wijk, each id with its status. */
    private static Map<String, String> challenges(ApplicationContext context, WijkDetail wijk) {
        Map<String, String> statuses = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(
                context.getRequiredProperty("datasources.default.url", String.class),
                context.getProperty("datasources.default.username", String.class).orElse("root"),
                context.getProperty("datasources.default.password", String.class).orElse(""));
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, status FROM challenge WHERE wijk_id = ?")) {
            statement.setString(1, wijk.id().toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getString(2));
                }
            }
            return statuses;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record DemoTable(String id, String title, String wijkId, Instant startsAt) {
    }

    /** What one start-up left in the database, as the services show it. */
    record LoadedDemo(MunicipalityView maassluis, List<WijkSummary> maassluisWijken, WijkDetail sluispolder,
                      String kapelpolderId, List<AssignedRole> sluispolderBoard, boolean chairHoldsChair,
                      List<AssignedRole> maassluisStaff, Map<String, List<Instant>> sluispolderOpportunities,
                      List<DemoTable> dialoogtafels, Map<String, String> sluispolderChallenges,
                      List<String> maassluisPlatformContacts) {
    }
}
