package nl.wijkopmaat.monitor;

import io.micronaut.core.annotation.Nullable;
import nl.wijkopmaat.monitor.MonitorStore.FigureRow;
import nl.wijkopmaat.monitor.MonitorStore.TargetRow;
import nl.wijkopmaat.monitor.MonitorViews.AreaFigures;
import nl.wijkopmaat.monitor.MonitorViews.ChallengeFigures;
import nl.wijkopmaat.monitor.MonitorViews.DialoogtafelFigures;
import nl.wijkopmaat.monitor.MonitorViews.InitiativeFigures;
import nl.wijkopmaat.monitor.MonitorViews.ResidentsFigures;
import nl.wijkopmaat.monitor.MonitorViews.TargetResult;
import nl.wijkopmaat.monitor.MonitorViews.VolunteeringFigures;
import nl.wijkopmaat.monitor.MonitorViews.WijkbudgetFigures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One quarter of the snapshot as the public sees it. Counts of 1 to 4 people are withheld, with the
 * shares derived from them. Where exactly one of the areas beside each other (the wijken of the
 * municipality, the buurten of a wijk) is withheld, the smallest other one is withheld too, so that
 * the total does not give it away; the buurten of a withheld wijk are all withheld. The wijk's own
 * view withholds what the municipality's view withholds, so neither gives away the other.
 */
final class MonitorReport {

    /** People counted per wijk in the municipality view. */
    private static final Set<Figure> PEOPLE = EnumSet.of(Figure.REGISTERED_RESIDENTS, Figure.ACTIVE_RESIDENTS,
            Figure.VOLUNTEERS, Figure.DIALOOGTAFEL_ATTENDANCE);
    /** People counted per buurt as well. */
    private static final Set<Figure> PER_BUURT = EnumSet.of(Figure.REGISTERED_RESIDENTS, Figure.ACTIVE_RESIDENTS);

    private final Map<UUID, Map<String, Long>> amounts = new HashMap<>();
    private final Map<UUID, Set<Figure>> withheld = new HashMap<>();

    /**
     * {@code buurtenByWijk}: the municipality's wijken in the order shown, each with its buurten.
     */
    MonitorReport(UUID municipalityId, Map<UUID, List<UUID>> buurtenByWijk, Collection<FigureRow> rows) {
        rows.forEach(row -> amounts.computeIfAbsent(row.areaId(), area -> new HashMap<>()).put(row.figure(), row.amount()));
        for (Figure figure : PEOPLE) {
            if (small(amount(municipalityId, figure))) {
                withhold(municipalityId, figure);
            }
            beside(buurtenByWijk.keySet(), figure);
            if (PER_BUURT.contains(figure)) {
                buurtenByWijk.forEach((wijk, buurten) -> {
                    if (isWithheld(wijk, figure)) {
                        buurten.forEach(buurt -> withhold(buurt, figure));
                    } else {
                        beside(buurten, figure);
                    }
                });
            }
        }
    }

    private void beside(Collection<UUID> areas, Figure figure) {
        List<UUID> small = areas.stream().filter(area -> small(amount(area, figure))).toList();
        small.forEach(area -> withhold(area, figure));
        if (small.size() == 1) {
            areas.stream()
                    .filter(area -> !isWithheld(area, figure) && amount(area, figure) > 0)
                    .min(Comparator.comparingLong(area -> amount(area, figure)))
                    .ifPresent(area -> withhold(area, figure));
        }
    }

    private static boolean small(long count) {
        return count >= 1 && count <= 4;
    }

    private void withhold(UUID area, Figure figure) {
        withheld.computeIfAbsent(area, id -> EnumSet.noneOf(Figure.class)).add(figure);
    }

    private boolean isWithheld(UUID area, Figure figure) {
        return withheld.getOrDefault(area, Set.of()).contains(figure);
    }

    private long amount(UUID area, Figure figure) {
        return amounts.getOrDefault(area, Map.of()).getOrDefault(figure.name(), 0L);
    }

    @Nullable
    private Long known(UUID area, Figure figure) {
        return amounts.getOrDefault(area, Map.of()).get(figure.name());
    }

    /** The figure of a count of people, or null when withheld (and its name noted in {@code suppressed}). */
    @Nullable
    private Long people(UUID area, Figure figure, String name, List<String> suppressed) {
        if (isWithheld(area, figure)) {
            suppressed.add(name);
            return null;
        }
        return amount(area, figure);
    }

    ResidentsFigures residents(UUID area) {
        List<String> suppressed = new ArrayList<>();
        Long inhabitants = known(area, Figure.INHABITANTS);
        Long year = known(area, Figure.INHABITANTS_YEAR);
        Long registered = people(area, Figure.REGISTERED_RESIDENTS, "registered", suppressed);
        Long active = people(area, Figure.ACTIVE_RESIDENTS, "active", suppressed);
        if (active == null) {
            suppressed.add("activeSharePercent");
        }
        return new ResidentsFigures(inhabitants, known(area, Figure.HOUSEHOLDS), year == null ? null : year.intValue(),
                amount(area, Figure.INHABITANTS_DEMO) == 1, registered, active,
                active == null || inhabitants == null ? null : percent(active, inhabitants), List.copyOf(suppressed));
    }

    AreaFigures figures(UUID area) {
        ResidentsFigures residents = residents(area);
        List<String> volunteering = new ArrayList<>();
        Long volunteers = people(area, Figure.VOLUNTEERS, "volunteers", volunteering);
        if (volunteers == null) {
            volunteering.add("volunteerSharePercent");
        }
        Long inhabitants = residents.inhabitants();
        long answers = amount(area, Figure.ANSWERS);
        long inTerm = amount(area, Figure.ANSWERS_IN_TERM);
        Long median = known(area, Figure.ANSWER_MEDIAN_TENTHS);
        List<String> dialoogtafels = new ArrayList<>();
        Long attendance = people(area, Figure.DIALOOGTAFEL_ATTENDANCE, "attendance", dialoogtafels);
        long allocated = amount(area, Figure.BUDGET_ALLOCATED_CENTS);
        long paid = amount(area, Figure.BUDGET_PAID_CENTS);
        Map<String, Long> byStatus = new TreeMap<>();
        amounts.getOrDefault(area, Map.of()).forEach((figure, count) -> {
            if (figure.startsWith(MonitorSnapshots.CHALLENGES)) {
                byStatus.put(figure.substring(MonitorSnapshots.CHALLENGES.length()), count);
            }
        });
        return new AreaFigures(residents,
                new VolunteeringFigures(volunteers,
                        volunteers == null || inhabitants == null ? null : percent(volunteers, inhabitants),
                        Math.round(amount(area, Figure.VOLUNTEER_MINUTES) * 100 / 60.0) / 100.0, List.copyOf(volunteering)),
                new InitiativeFigures(amount(area, Figure.INITIATIVES_SUBMITTED), amount(area, Figure.INITIATIVES_APPROVED),
                        amount(area, Figure.INITIATIVES_COMPLETED), answers, inTerm, percent(inTerm, answers),
                        median == null ? null : median / 10.0, List.of()),
                new DialoogtafelFigures(amount(area, Figure.DIALOOGTAFELS_HELD), attendance, List.copyOf(dialoogtafels)),
                new WijkbudgetFigures(allocated, amount(area, Figure.BUDGET_GRANTED_CENTS), paid, percent(paid, allocated),
                        List.of()),
                new ChallengeFigures(byStatus, byStatus.values().stream().mapToLong(Long::longValue).sum(), List.of()));
    }

    /** A share in percent with one decimal; null without a base. */
    @Nullable
    private static Double percent(long part, long whole) {
        return whole <= 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** Each indicator with a target in force in the quarter (the latest started by its last day). */
    static List<TargetResult> against(List<TargetRow> targets, LocalDate lastDay, AreaFigures figures) {
        Map<TargetIndicator, TargetRow> inForce = new TreeMap<>();
        for (TargetRow target : targets) {
            if (!target.startDate().isAfter(lastDay)) {
                inForce.merge(target.indicator(), target, (a, b) -> a.startDate().isAfter(b.startDate()) ? a : b);
            }
        }
        List<TargetResult> results = new ArrayList<>();
        inForce.forEach((indicator, target) -> {
            Double actual = actual(indicator, figures);
            double value = target.percent().doubleValue();
            results.add(new TargetResult(indicator, target.comparison(), value, target.startDate(), actual,
                    Optional.ofNullable(actual).map(a -> target.comparison().met(a, value)).orElse(null)));
        });
        return results;
    }

    @Nullable
    private static Double actual(TargetIndicator indicator, AreaFigures figures) {
        return switch (indicator) {
            case ACTIVE_SHARE -> figures.residents().activeSharePercent();
            case VOLUNTEER_SHARE -> figures.volunteering().volunteerSharePercent();
            case ANSWERED_IN_TERM_SHARE -> figures.initiatives().answeredInTermPercent();
            case BUDGET_SPENT_SHARE -> figures.wijkbudget().spentPercent();
        };
    }
}
