package nl.wijkopmaat.monitor;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.wijkopmaat.geography.GeographyService;
import nl.wijkopmaat.geography.GeographyViews.BuurtView;
import nl.wijkopmaat.geography.GeographyViews.WijkDetail;
import nl.wijkopmaat.monitor.MonitorFigures.Answer;
import nl.wijkopmaat.monitor.MonitorStore.FigureRow;
import nl.wijkopmaat.monitor.MonitorStore.InhabitantsRow;
import nl.wijkopmaat.monitor.MonitorStore.QuarterRow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Computes the snapshot of a municipality: the current quarter and every one of the three before it
 * that is not final yet. All of it happens in one transaction that holds the municipality's refresh
 * row ({@code SKIP LOCKED}), so with several server instances one computes while the others pass,
 * and every feature is read at the same moment.
 */
@Singleton
class MonitorSnapshots {

    /** The snapshot's key of the Right to Challenge proposals in a status. */
    static final String CHALLENGES = "CHALLENGES:";

    private final List<MonitorContributor> contributors;
    private final GeographyService geography;
    private final MonitorStore store;
    private final TransactionOperations<?> transactions;
    private final Clock clock;

    MonitorSnapshots(List<MonitorContributor> contributors, GeographyService geography, MonitorStore store,
                     TransactionOperations<?> transactions, Clock clock) {
        this.contributors = contributors;
        this.geography = geography;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Refreshes the municipality's monitor unless it was refreshed less than {@code freshFor} ago or
     * another instance is refreshing it; returns whether this call did.
     */
    boolean refresh(UUID municipalityId, Duration freshFor) {
        transactions.executeWrite(status -> {
            store.ensureRefreshRow(municipalityId);
            return null;
        });
        return transactions.executeWrite(status -> {
            Optional<Optional<Instant>> lock = store.lockRefresh(municipalityId);
            if (lock.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            Optional<Instant> last = lock.get();
            if (last.isPresent() && last.get().isAfter(now.minus(freshFor))) {
                return false;
            }
            List<Quarter> quarters = Quarter.of(now).lastFour();
            Map<LocalDate, QuarterRow> known = store.quarters(municipalityId,
                    quarters.stream().map(Quarter::start).toList());
            List<WijkDetail> wijken = geography.wijkenOf(municipalityId);
            List<InhabitantsRow> inhabitants = store.inhabitants(municipalityId);
            for (Quarter quarter : quarters) {
                QuarterRow row = known.get(quarter.start());
                if (row == null || !row.complete()) {
                    compute(municipalityId, quarter, now, wijken, inhabitants);
                }
            }
            store.markRefreshed(municipalityId, now);
            return true;
        });
    }

    private void compute(UUID municipalityId, Quarter quarter, Instant now, List<WijkDetail> wijken,
                         List<InhabitantsRow> inhabitants) {
        // The clock ticks in whole seconds: acts of the very second of the refresh count too.
        Instant until = now.isBefore(quarter.end()) ? now.plusSeconds(1) : quarter.end();
        Instant activeFrom = until.atZone(Quarter.MUNICIPAL_TIME).minusMonths(12).toInstant();
        MonitorPeriod period = new MonitorPeriod(municipalityId, quarter.start(), quarter.from(), until, activeFrom);
        MonitorFigures figures = new MonitorFigures();
        contributors.forEach(contributor -> contributor.contribute(period, figures));

        Areas areas = new Areas(municipalityId);
        Map<UUID, UUID> wijkOfBuurt = new HashMap<>();
        for (WijkDetail wijk : wijken) {
            areas.area(wijk.id(), wijk.id());
            for (BuurtView buurt : wijk.buurten()) {
                wijkOfBuurt.put(buurt.id(), wijk.id());
                areas.area(wijk.id(), buurt.id());
            }
        }
        people(figures, wijkOfBuurt, areas);
        figures.perWijk().forEach((wijk, counts) -> counts.forEach((figure, amount) -> {
            if (areas.known(wijk)) {
                areas.add(wijk, figure.name(), amount);
                areas.add(municipalityId, figure.name(), amount);
            }
        }));
        figures.challengesPerWijk().forEach((wijk, counts) -> counts.forEach((state, count) -> {
            if (areas.known(wijk)) {
                areas.add(wijk, CHALLENGES + state, count);
                areas.add(municipalityId, CHALLENGES + state, count);
            }
        }));
        List<Answer> all = new ArrayList<>();
        figures.answersPerWijk().forEach((wijk, answers) -> {
            if (areas.known(wijk)) {
                answers(areas, wijk, answers);
                all.addAll(answers);
            }
        });
        answers(areas, municipalityId, all);
        inhabitants(inhabitants, quarter.start().getYear(), wijken, areas);
        store.writeQuarter(municipalityId, quarter.start(), now, !now.isBefore(quarter.end()), areas.rows(quarter));
    }

    /** Each registered resident counts in their buurt, its wijk and the municipality; the active and volunteers too. */
    private static void people(MonitorFigures figures, Map<UUID, UUID> wijkOfBuurt, Areas areas) {
        Set<UUID> active = figures.active();
        Set<UUID> volunteers = figures.volunteers();
        figures.buurtByResident().forEach((account, buurt) -> {
            UUID wijk = wijkOfBuurt.get(buurt);
            if (wijk == null) {
                return;
            }
            areas.person(wijk, buurt, Figure.REGISTERED_RESIDENTS);
            if (active.contains(account)) {
                areas.person(wijk, buurt, Figure.ACTIVE_RESIDENTS);
            }
            if (volunteers.contains(account)) {
                areas.person(wijk, buurt, Figure.VOLUNTEERS);
            }
        });
    }

    private static void answers(Areas areas, UUID area, List<Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        areas.add(area, Figure.ANSWERS.name(), answers.size());
        areas.add(area, Figure.ANSWERS_IN_TERM.name(), answers.stream().filter(Answer::withinTerm).count());
        List<Integer> days = answers.stream().map(Answer::workingDays).sorted().toList();
        int middle = days.size() / 2;
        long tenths = days.size() % 2 == 1 ? days.get(middle) * 10L : (days.get(middle - 1) + days.get(middle)) * 5L;
        areas.add(area, Figure.ANSWER_MEDIAN_TENTHS.name(), tenths);
    }

    /**
     * The figure of each wijk and buurt for the quarter's year: the latest recorded up to that year,
     * otherwise the earliest after it. The municipality's is the sum of its wijken's, once every wijk has one.
     */
    private static void inhabitants(List<InhabitantsRow> rows, int year, List<WijkDetail> wijken, Areas areas) {
        Map<UUID, InhabitantsRow> chosen = new HashMap<>();
        for (InhabitantsRow row : rows) {
            chosen.merge(row.areaId(), row, (a, b) -> closer(a, b, year));
        }
        long total = 0;
        long households = 0;
        boolean allHouseholds = true;
        int latestYear = 0;
        boolean demo = false;
        boolean everyWijk = !wijken.isEmpty();
        for (WijkDetail wijk : wijken) {
            InhabitantsRow ofWijk = chosen.get(wijk.id());
            everyWijk &= ofWijk != null;
            if (ofWijk != null) {
                total += ofWijk.inhabitants();
                allHouseholds &= ofWijk.households() != null;
                households += ofWijk.households() == null ? 0 : ofWijk.households();
                latestYear = Math.max(latestYear, ofWijk.year());
                demo |= ofWijk.demo();
                inhabitantsOf(areas, wijk.id(), ofWijk);
            }
            for (BuurtView buurt : wijk.buurten()) {
                InhabitantsRow ofBuurt = chosen.get(buurt.id());
                if (ofBuurt != null) {
                    inhabitantsOf(areas, buurt.id(), ofBuurt);
                }
            }
        }
        if (everyWijk) {
            UUID municipality = areas.municipalityId;
            areas.set(municipality, Figure.INHABITANTS, total);
            if (allHouseholds) {
                areas.set(municipality, Figure.HOUSEHOLDS, households);
            }
            areas.set(municipality, Figure.INHABITANTS_YEAR, latestYear);
            areas.set(municipality, Figure.INHABITANTS_DEMO, demo ? 1 : 0);
        }
    }

    /** Of two figures of an area, the one for the year: the latest up to it, or else the earliest after it. */
    private static InhabitantsRow closer(InhabitantsRow a, InhabitantsRow b, int year) {
        boolean aUpTo = a.year() <= year;
        boolean bUpTo = b.year() <= year;
        if (aUpTo != bUpTo) {
            return aUpTo ? a : b;
        }
        return aUpTo == (a.year() > b.year()) ? a : b;
    }

    private static void inhabitantsOf(Areas areas, UUID area, InhabitantsRow row) {
        areas.set(area, Figure.INHABITANTS, row.inhabitants());
        if (row.households() != null) {
            areas.set(area, Figure.HOUSEHOLDS, row.households());
        }
        areas.set(area, Figure.INHABITANTS_YEAR, row.year());
        areas.set(area, Figure.INHABITANTS_DEMO, row.demo() ? 1 : 0);
    }

    /** The figures of one quarter being computed, per area: the municipality, its wijken and buurten. */
    private static final class Areas {

        private final UUID municipalityId;
        /** Area id to its wijk (the municipality's own id for the municipality), in order of insertion. */
        private final Map<UUID, UUID> wijkOf = new LinkedHashMap<>();
        private final Map<UUID, Map<String, Long>> amounts = new HashMap<>();

        Areas(UUID municipalityId) {
            this.municipalityId = municipalityId;
            area(municipalityId, municipalityId);
        }

        void area(UUID wijk, UUID area) {
            wijkOf.put(area, wijk);
            amounts.put(area, new TreeMap<>());
        }

        boolean known(UUID wijk) {
            return wijkOf.containsKey(wijk);
        }

        void add(UUID area, String figure, long amount) {
            amounts.get(area).merge(figure, amount, Long::sum);
        }

        void set(UUID area, Figure figure, long amount) {
            amounts.get(area).put(figure.name(), amount);
        }

        /** One more person in the buurt, its wijk and the municipality. */
        void person(UUID wijk, UUID buurt, Figure figure) {
            add(buurt, figure.name(), 1);
            add(wijk, figure.name(), 1);
            add(municipalityId, figure.name(), 1);
        }

        List<FigureRow> rows(Quarter quarter) {
            List<FigureRow> rows = new ArrayList<>();
            wijkOf.forEach((area, wijk) -> amounts.get(area).forEach((figure, amount) ->
                    rows.add(new FigureRow(quarter.start(), wijk, area, figure, amount))));
            return rows;
        }
    }
}
