package nl.wijkopmaat.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.account.RoleAssignmentService;
import nl.wijkopmaat.common.Theme;
import nl.wijkopmaat.common.portal.Slugs;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.DialoogtafelCreate;
import nl.wijkopmaat.dialoogtafel.DialoogtafelCommands.PlaceInput;
import nl.wijkopmaat.dialoogtafel.DialoogtafelService;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.MunicipalityView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.monitor.MonitorService;
import nl.wijkopmaat.volunteering.VolunteeringCommands.OpportunityCreate;
import nl.wijkopmaat.volunteering.VolunteeringCommands.ShiftCreate;
import nl.wijkopmaat.volunteering.VolunteeringService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fills a development database with the geography of the municipalities in the domain description
 * and with one demo account per role in Maassluis, so that the app can be tried without any set-up.
 * Only in the {@code dev} environment: elsewhere the flag alone loads nothing, since the demo
 * accounts have a documented password.
 * <p>
 * It goes only through the features' own start-up services and is idempotent: what already exists is
 * left as it is (an existing account keeps its password), so a restart changes nothing. Each step
 * commits on its own; should a start-up fail halfway, the next start completes what is missing.
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
@Requires(property = "wijkopmaat.demo-data.enabled", value = "true")
class DemoData implements ApplicationEventListener<StartupEvent> {

    /** Documented in the README: a demo password for the development environment only. */
    static final String DEMO_PASSWORD = "Wijkdemo-2026";

    static final String VOLUNTEER_OPPORTUNITY = "Buurtmaaltijd in de Sluispolder";
    static final String DIALOOGTAFEL_SLUISPOLDER = "Samen tegen eenzaamheid in de Binnenstad";
    static final String DIALOOGTAFEL_KAPELPOLDER = "Veilig thuis in de Kapelpolder";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId MUNICIPAL_TIME = ZoneId.of("Europe/Amsterdam");

    private final GeographyService geography;
    private final AccountService accounts;
    private final RoleAssignmentService roles;
    private final VolunteeringService volunteering;
    private final DialoogtafelService dialoogtafels;
    private final DemoChallenges challenges;
    private final MonitorService monitor;
    private final Clock clock;

    DemoData(GeographyService geography, AccountService accounts, RoleAssignmentService roles,
             VolunteeringService volunteering, DialoogtafelService dialoogtafels, DemoChallenges challenges,
             MonitorService monitor, Clock clock) {
        this.geography = geography;
        this.accounts = accounts;
        this.roles = roles;
        this.volunteering = volunteering;
        this.dialoogtafels = dialoogtafels;
        this.challenges = challenges;
        this.monitor = monitor;
        this.clock = clock;
    }

    /**
     * All demo data in one place. Maassluis: the 6 wijken of its 2013 social vision with their buurten.
     * Den Helder and Heerhugowaard: the domain description names no wijken, so a few well-known wijken
     * of each town, without buurten.
     */
    static List<DemoMunicipality> demoMunicipalities() {
        return List.of(
                new DemoMunicipality("Maassluis",
                        List.of(
                                new DemoWijk("Taanshuurpolder e.o.", List.of("Taanshuurpolder"), 3900),
                                new DemoWijk("Dijkpolder", List.of("Vertobuurt", "Bloemenbuurt", "Bomendal"), 6800),
                                new DemoWijk("Sluispolder", List.of("Sluispolder Oost", "Sluispolder West", "Binnenstad"),
                                        6200),
                                new DemoWijk("Kapelpolder",
                                        List.of("Kapelpolder", "Componistenbuurt", "Koningshoek", "Het Balkon"), 7400),
                                new DemoWijk("Burgemeesterswijk", List.of("Vogelbuurt", "Burgemeesterswijk"), 4100),
                                new DemoWijk("Steendijkpolder", List.of("Steendijkpolder Noord", "Steendijkpolder Zuid"),
                                        4600)),
                        List.of(
                                DemoAccount.resident("bewoner@maassluis.demo", "Bewoner Demo", "Binnenstad"),
                                DemoAccount.platformRole("voorzitter@maassluis.demo", "Voorzitter Sluispolder",
                                        Role.CHAIR, "Sluispolder"),
                                DemoAccount.platformRole("secretaris@maassluis.demo", "Secretaris Sluispolder",
                                        Role.SECRETARY, "Sluispolder"),
                                DemoAccount.municipalRole("wijkregisseur@maassluis.demo", "Wijkregisseur Maassluis",
                                        Role.OFFICIAL),
                                DemoAccount.municipalRole("beheer@maassluis.demo", "Beheerder Maassluis", Role.ADMIN)),
                        List.of(new DemoOpportunity(VOLUNTEER_OPPORTUNITY, "Sluispolder", "voorzitter@maassluis.demo",
                                "secretaris@maassluis.demo", List.of("koken", "gastvrijheid"))),
                        List.of(new DemoDialoogtafel(DIALOOGTAFEL_SLUISPOLDER, "Sluispolder", "Binnenstad",
                                        "voorzitter@maassluis.demo", Theme.EENZAAMHEID, DayOfWeek.TUESDAY, 16,
                                        new PlaceInput("Buurthuis De Sluis", "Binnenstad, Maassluis"), null),
                                new DemoDialoogtafel(DIALOOGTAFEL_KAPELPOLDER, "Kapelpolder", null,
                                        "wijkregisseur@maassluis.demo", Theme.VEILIGHEID, DayOfWeek.THURSDAY, 8,
                                        new PlaceInput("Wijkcentrum Kapelpolder", "Kapelpolder, Maassluis"),
                                        "https://meet.wijkopmaat.nl/veilig-thuis-kapelpolder")),
                        new DemoChallengeParties("Sluispolder", "bewoner@maassluis.demo", "voorzitter@maassluis.demo",
                                "wijkregisseur@maassluis.demo")),
                new DemoMunicipality("Den Helder",
                        List.of(
                                new DemoWijk("Centrum", List.of(), 6500),
                                new DemoWijk("Nieuw Den Helder", List.of(), 13500),
                                new DemoWijk("De Schooten", List.of(), 10000),
                                new DemoWijk("Julianadorp", List.of(), 16000)),
                        List.of(), List.of(), List.of(), null),
                new DemoMunicipality("Heerhugowaard",
                        List.of(
                                new DemoWijk("Centrum", List.of(), 8500),
                                new DemoWijk("Stad van de Zon", List.of(), 9000),
                                new DemoWijk("Butterhuizen", List.of(), 7500)),
                        List.of(), List.of(), List.of(), null));
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        List<DemoMunicipality> municipalities = demoMunicipalities();
        int rolesGranted = municipalities.stream().mapToInt(this::load).sum();
        // Counts only: the demo accounts' e-mail addresses stay out of the logs like everyone else's.
        LOG.info("Demo data in place: {} municipalities, {} wijken, {} buurten, {} accounts; {} roles newly granted",
                municipalities.size(),
                municipalities.stream().mapToInt(m -> m.wijken().size()).sum(),
                municipalities.stream().flatMap(m -> m.wijken().stream()).mapToInt(w -> w.buurten().size()).sum(),
                municipalities.stream().mapToInt(m -> m.accounts().size()).sum(),
                rolesGranted);
    }

    /** Ensures one municipality with its wijken and accounts; returns how many roles it had to grant. */
    private int load(DemoMunicipality demo) {
        MunicipalityView municipality = geography.findOrCreateMunicipality(demo.name());
        Map<String, WijkDetail> wijkenByName = demo.wijken().stream()
                .map(wijk -> geography.ensureWijk(municipality.id(), wijk.name(), wijk.buurten()))
                .collect(Collectors.toMap(WijkDetail::name, Function.identity()));
        // Keyed by buurt name alone: toMap fails loudly should two wijken ever get a buurt of the same name.
        Map<String, UUID> buurtIdsByName = wijkenByName.values().stream()
                .flatMap(wijk -> wijk.buurten().stream())
                .collect(Collectors.toMap(BuurtView::name, BuurtView::id));
        for (DemoWijk wijk : demo.wijken()) {
            geography.ensureWijkplatformContact(wijkenByName.get(wijk.name()).id(), platformAddress(demo.name(), wijk.name()));
        }
        int lastYear = LocalDate.now(clock.withZone(MUNICIPAL_TIME)).getYear() - 1;
        for (DemoWijk wijk : demo.wijken()) {
            // About 2.2 people per household, as in Dutch towns of this size.
            monitor.putDemoInhabitants(wijkenByName.get(wijk.name()).id(), lastYear, wijk.inhabitants(),
                    Math.round(wijk.inhabitants() / 2.2f));
        }
        int granted = 0;
        for (DemoAccount demoAccount : demo.accounts()) {
            UUID homeBuurtId = demoAccount.homeBuurt() == null ? null
                    : require(buurtIdsByName, demoAccount.homeBuurt(), "buurt");
            AccountRef account = accounts.ensureAccount(demoAccount.email(), DEMO_PASSWORD, demoAccount.displayName(),
                    municipality.id(), homeBuurtId);
            DemoRole role = demoAccount.role();
            if (role != null && grantUnlessHeld(account.id(), role.role(), scopeOf(role, municipality, wijkenByName))) {
                granted++;
            }
        }
        for (DemoOpportunity opportunity : demo.opportunities()) {
            loadOpportunity(opportunity, require(wijkenByName, opportunity.wijk(), "wijk"));
        }
        for (DemoDialoogtafel table : demo.dialoogtafels()) {
            loadDialoogtafel(table, require(wijkenByName, table.wijk(), "wijk"), buurtIdsByName);
        }
        DemoChallengeParties parties = demo.challenges();
        if (parties != null) {
            challenges.load(require(wijkenByName, parties.wijk(), "wijk").id(), idOf(parties.initiatorEmail()),
                    idOf(parties.chairEmail()), idOf(parties.officialEmail()));
        }
        return granted;
    }

    /**
     * The platform's own mailbox, never a board member's: {@code wijkplatform.sluispolder@maassluis.demo}
     * on the demo domain, like the demo accounts.
     */
    static String platformAddress(String municipality, String wijk) {
        return "wijkplatform." + Slugs.of(wijk) + "@" + Slugs.of(municipality).replace("-", "") + ".demo";
    }

    /** A dialoogtafel on the next given weekday, 19:30 to 21:00, when none of that title is still to come. */
    private void loadDialoogtafel(DemoDialoogtafel demo, WijkDetail wijk, Map<String, UUID> buurtIdsByName) {
        UUID organiser = accounts.findActiveByEmail(demo.organiserEmail()).orElseThrow().id();
        LocalDate day = LocalDate.now(clock.withZone(MUNICIPAL_TIME)).with(TemporalAdjusters.next(demo.day()));
        dialoogtafels.ensureDialoogtafel(organiser, new DialoogtafelCreate(demo.title(),
                "Bewoners, de wijkregisseur en het welzijnswerk praten aan één tafel: wat gaat goed, wat kan beter,"
                        + " en wie pakt wat op? Na afloop komt er een verslag met de actiepunten.",
                demo.theme(), wijk.id(), demo.buurt() == null ? null : require(buurtIdsByName, demo.buurt(), "buurt"),
                demo.place(), demo.onlineLink(), day.atTime(19, 30).atZone(MUNICIPAL_TIME).toInstant(),
                day.atTime(21, 0).atZone(MUNICIPAL_TIME).toInstant(), demo.capacity(), "Wijkregisseur Maassluis"));
    }

    /** An opportunity with shifts on the next two Saturdays, 10:00 to 13:00, when it has none to come. */
    private void loadOpportunity(DemoOpportunity demo, WijkDetail wijk) {
        UUID organiser = accounts.findActiveByEmail(demo.organiserEmail()).orElseThrow().id();
        UUID coordinator = accounts.findActiveByEmail(demo.coordinatorEmail()).orElseThrow().id();
        LocalDate saturday = LocalDate.now(clock.withZone(MUNICIPAL_TIME)).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        List<ShiftCreate> shifts = List.of(saturday, saturday.plusWeeks(1)).stream()
                .map(day -> new ShiftCreate(day.atTime(10, 0).atZone(MUNICIPAL_TIME).toInstant(),
                        day.atTime(13, 0).atZone(MUNICIPAL_TIME).toInstant(), 12, "Buurthuis De Sluis"))
                .toList();
        volunteering.ensureOpportunity(organiser, new OpportunityCreate(demo.title(),
                "Elke maand koken buren samen een maaltijd voor wie mee-eet. Help mee met koken, tafels dekken of afwassen.",
                wijk.id(), null, List.of(coordinator), demo.skills(), null), shifts);
    }

    private UUID idOf(String email) {
        return accounts.findActiveByEmail(email).orElseThrow().id();
    }

    private boolean grantUnlessHeld(UUID accountId, Role role, UUID scopeId) {
        if (roles.has(accountId, role, scopeId)) {
            return false;
        }
        // No actor: the grant comes from start-up configuration, not from a person.
        roles.grant(null, accountId, role, scopeId);
        return true;
    }

    private static UUID scopeOf(DemoRole demoRole, MunicipalityView municipality, Map<String, WijkDetail> wijkenByName) {
        return switch (demoRole.role().scopeType()) {
            case MUNICIPALITY -> municipality.id();
            case WIJKPLATFORM -> require(wijkenByName, demoRole.wijk(), "wijk").wijkplatform().id();
        };
    }

    /** A name in the demo data that matches nothing is a typo in this class: stop the start-up and say so. */
    private static <T> T require(Map<String, T> byName, String name, String kind) {
        T found = byName.get(name);
        if (found == null) {
            throw new IllegalStateException("Demo data names unknown " + kind + " '" + name + "'");
        }
        return found;
    }

    record DemoMunicipality(String name, List<DemoWijk> wijken, List<DemoAccount> accounts,
                            List<DemoOpportunity> opportunities, List<DemoDialoogtafel> dialoogtafels,
                            @Nullable DemoChallengeParties challenges) {
    }

    /** A dialoogtafel of a wijk (and optionally one buurt), organised by a demo account with a board or municipal role. */
    record DemoDialoogtafel(String title, String wijk, @Nullable String buurt, String organiserEmail, Theme theme,
                            DayOfWeek day, int capacity, PlaceInput place, @Nullable String onlineLink) {
    }

    /** Who takes the demo Right to Challenge proposals of a wijk through their lifecycle. */
    record DemoChallengeParties(String wijk, String initiatorEmail, String chairEmail, String officialEmail) {
    }

    /** A volunteer opportunity of a wijk, organised by a demo account with another as its coordinator. */
    record DemoOpportunity(String title, String wijk, String organiserEmail, String coordinatorEmail, List<String> skills) {
    }

    /** {@code inhabitants}: a plausible figure of the wijk's size, marked as demo in the monitor. */
    record DemoWijk(String name, List<String> buurten, int inhabitants) {
    }

    /** A demo person: lives in {@code homeBuurt} when given, and holds {@code role} when given. */
    record DemoAccount(String email, String displayName, @Nullable String homeBuurt, @Nullable DemoRole role) {

        static DemoAccount resident(String email, String displayName, String homeBuurt) {
            return new DemoAccount(email, displayName, homeBuurt, null);
        }

        static DemoAccount platformRole(String email, String displayName, Role role, String wijk) {
            return new DemoAccount(email, displayName, null, new DemoRole(role, wijk));
        }

        static DemoAccount municipalRole(String email, String displayName, Role role) {
            return new DemoAccount(email, displayName, null, new DemoRole(role, null));
        }
    }

    /** A role in the demo municipality; a wijkplatform role names the wijk whose platform it is in. */
    record DemoRole(Role role, @Nullable String wijk) {
        DemoRole {
            Objects.requireNonNull(role, "role");
            if ((role.scopeType() == Role.ScopeType.WIJKPLATFORM) != (wijk != null)) {
                throw new IllegalArgumentException(role + " needs a wijk exactly when it is a wijkplatform role");
            }
        }
    }
}
