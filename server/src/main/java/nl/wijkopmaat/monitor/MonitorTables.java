package nl.wijkopmaat.monitor;

import io.micronaut.core.annotation.Nullable;
import nl.wijkopmaat.common.portal.Texts;
import nl.wijkopmaat.monitor.MonitorViews.AreaFigures;
import nl.wijkopmaat.monitor.MonitorViews.TargetResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The monitor's figures as the portal shows them: a table of every indicator for a few columns
 * (quarters of a wijk, or the wijken of a municipality), each cell written in the reader's language,
 * a withheld figure as {@code <5} (as in the open data), a missing one as a dash; and each target as a
 * sentence with its bar.
 */
final class MonitorTables {

    static final String WITHHELD = "<5";
    private static final String MISSING = "–";

    private MonitorTables() {
    }

    record Cell(String text, boolean withheld) {
    }

    record Row(String label, List<Cell> cells) {
    }

    record Table(String caption, List<String> columns, List<Row> rows) {
    }

    /** One indicator against its target: what a screen reader reads, and the bar drawn for it. */
    record TargetBar(String id, String sentence, double barPercent, @Nullable Double targetPercent, @Nullable Boolean met) {

        String barClass() {
            return met == null ? "portal-chart-bar" : met ? "portal-chart-bar portal-chart-bar--met" : "portal-chart-bar portal-chart-bar--unmet";
        }
    }

    /** Bars of one share over the quarters, oldest first, with the target as a line; drawn in a 320 by 180 box. */
    record TrendChart(String id, String title, String description, List<TrendBar> bars, @Nullable Double targetY) {
    }

    record TrendBar(double x, double y, double height, double labelY, String value, String quarter) {
    }

    private static final double PLOT_TOP = 24;
    private static final double PLOT_BOTTOM = 144;
    private static final double BAR_WIDTH = 48;
    private static final double BAR_STEP = 72;

    /**
     * The trend of each target's share over the quarters given newest first, as the monitor reads
     * them; the description names every value, so the picture says nothing the text does not.
     */
    static List<TrendChart> trends(List<MonitorViews.WijkQuarter> quarters, Texts texts) {
        if (quarters.isEmpty()) {
            return List.of();
        }
        List<MonitorViews.WijkQuarter> oldestFirst = new ArrayList<>(quarters);
        Collections.reverse(oldestFirst);
        List<TrendChart> charts = new ArrayList<>();
        for (TargetResult latest : quarters.get(0).targets()) {
            TargetIndicator indicator = latest.indicator();
            List<Double> values = oldestFirst.stream().map(q -> q.targets().stream()
                    .filter(t -> t.indicator() == indicator).findFirst().map(TargetResult::actualPercent).orElse(null)).toList();
            double top = Math.max(10, Math.max(latest.targetPercent(), values.stream()
                    .filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0)) * 1.25);
            List<TrendBar> bars = new ArrayList<>();
            List<String> spoken = new ArrayList<>();
            for (int i = 0; i < oldestFirst.size(); i++) {
                Double value = values.get(i);
                double height = value == null ? 0 : (PLOT_BOTTOM - PLOT_TOP) * Math.min(value, top) / top;
                String quarter = texts.t("portal.monitor.quarterShort", "number", (oldestFirst.get(i).firstDay().getMonthValue() - 1) / 3 + 1,
                        "year", String.valueOf(oldestFirst.get(i).firstDay().getYear()));
                String shown = value == null ? MISSING : texts.percent(value);
                bars.add(new TrendBar(24 + i * BAR_STEP, PLOT_BOTTOM - height, height, PLOT_BOTTOM - height - 6, shown, quarter));
                spoken.add(quarter + ": " + (value == null ? texts.t("portal.monitor.unknown") : shown));
            }
            String name = texts.t("portal.monitor.target." + indicator.name());
            String target = texts.t("portal.monitor.comparison." + latest.comparison().name(), "target",
                    texts.percent(latest.targetPercent()));
            charts.add(new TrendChart("trend-" + indicator.name().toLowerCase(Locale.ROOT), name,
                    String.join(", ", spoken) + ". " + target + ".",
                    bars, PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * Math.min(latest.targetPercent(), top) / top));
        }
        return charts;
    }

    static Table indicators(String caption, List<String> columns, List<AreaFigures> figures, Texts texts) {
        return new Table(caption, columns, List.copyOf(rows(figures, texts).values()));
    }

    /** Every indicator's row, in the order the monitor reads, by its name. */
    private static Map<String, Row> rows(List<AreaFigures> figures, Texts texts) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Indicators add = (name, cell) -> rows.put(name, new Row(texts.t("portal.monitor.row." + name),
                figures.stream().map(cell).toList()));
        add.row("inhabitants", f -> inhabitants(f.residents().inhabitants(), texts));
        add.row("registered", f -> people(f.residents().registered(), "registered", f.residents().suppressed()));
        add.row("active", f -> people(f.residents().active(), "active", f.residents().suppressed()));
        add.row("activeShare", f -> share(f.residents().activeSharePercent(), "activeSharePercent", f.residents().suppressed(), texts));
        add.row("volunteers", f -> people(f.volunteering().volunteers(), "volunteers", f.volunteering().suppressed()));
        add.row("volunteerShare", f -> share(f.volunteering().volunteerSharePercent(), "volunteerSharePercent",
                f.volunteering().suppressed(), texts));
        add.row("hours", f -> new Cell(texts.number(f.volunteering().confirmedHours()), false));
        add.row("submitted", f -> count(f.initiatives().submitted()));
        add.row("approved", f -> count(f.initiatives().approved()));
        add.row("completed", f -> count(f.initiatives().completed()));
        add.row("answeredInTerm", f -> share(f.initiatives().answeredInTermPercent(), "answeredInTermPercent",
                f.initiatives().suppressed(), texts));
        add.row("medianDays", f -> f.initiatives().medianWorkingDaysToAnswer() == null ? new Cell(MISSING, false)
                : new Cell(texts.number(f.initiatives().medianWorkingDaysToAnswer()), false));
        add.row("held", f -> count(f.dialoogtafels().held()));
        add.row("attendance", f -> people(f.dialoogtafels().attendance(), "attendance", f.dialoogtafels().suppressed()));
        add.row("allocated", f -> new Cell(texts.euros(f.wijkbudget().allocatedCents()), false));
        add.row("granted", f -> new Cell(texts.euros(f.wijkbudget().grantedCents()), false));
        add.row("paid", f -> new Cell(texts.euros(f.wijkbudget().paidCents()), false));
        add.row("spent", f -> share(f.wijkbudget().spentPercent(), "spentPercent", f.wijkbudget().suppressed(), texts));
        add.row("challenges", f -> count(f.challenges().total()));
        return rows;
    }

    private interface Indicators {
        void row(String name, Function<AreaFigures, Cell> cell);
    }

    /** A few figures of one quarter that say most about taking part, for the wijk's page. */
    static Table highlights(AreaFigures figures, Texts texts) {
        Map<String, Row> rows = rows(List.of(figures), texts);
        return new Table("", List.of(), Stream.of("active", "volunteers", "hours", "submitted", "held").map(rows::get).toList());
    }

    /** The residents of each buurt of a wijk in one quarter: registered, active and their share. */
    static Table residents(String caption, List<MonitorViews.BuurtFigures> buurten, Texts texts) {
        List<String> columns = List.of(texts.t("portal.monitor.row.inhabitants"), texts.t("portal.monitor.row.registered"),
                texts.t("portal.monitor.row.active"), texts.t("portal.monitor.row.activeShare"));
        List<Row> rows = buurten.stream().map(buurt -> {
            var residents = buurt.residents();
            return new Row(buurt.name(), List.of(inhabitants(residents.inhabitants(), texts),
                    people(residents.registered(), "registered", residents.suppressed()),
                    people(residents.active(), "active", residents.suppressed()),
                    share(residents.activeSharePercent(), "activeSharePercent", residents.suppressed(), texts)));
        }).toList();
        return new Table(caption, columns, rows);
    }

    /** Each target in force, as a sentence ("Active residents: 12.5%, target at least 20%: not met") with its bar. */
    static List<TargetBar> targets(String idPrefix, List<TargetResult> results, AreaFigures figures, Texts texts) {
        return results.stream().map(result -> {
            String name = texts.t("portal.monitor.target." + result.indicator().name());
            String target = texts.t("portal.monitor.comparison." + result.comparison().name(), "target",
                    texts.percent(result.targetPercent()));
            String actual = result.actualPercent() != null ? texts.percent(result.actualPercent())
                    : withheld(result, figures) ? texts.t("portal.monitor.withheld") : texts.t("portal.monitor.unknown");
            String verdict = result.met() == null ? texts.t("portal.monitor.noVerdict")
                    : texts.t(result.met() ? "portal.monitor.met" : "portal.monitor.unmet");
            String sentence = texts.t("portal.monitor.targetSentence", "name", name, "actual", actual, "target", target,
                    "verdict", verdict);
            double bar = result.actualPercent() == null ? 0 : Math.min(100, Math.max(0, result.actualPercent()));
            return new TargetBar(idPrefix + "-" + result.indicator().name().toLowerCase(Locale.ROOT), sentence, bar,
                    Math.min(100, result.targetPercent()), result.met());
        }).toList();
    }

    /** The quarter as a reader names it: "3e kwartaal 2026", "Q3 2026". */
    static String quarter(LocalDate firstDay, Texts texts) {
        return texts.t("portal.monitor.quarter", "number", (firstDay.getMonthValue() - 1) / 3 + 1, "year",
                String.valueOf(firstDay.getYear()));
    }

    private static boolean withheld(TargetResult result, AreaFigures figures) {
        return switch (result.indicator()) {
            case ACTIVE_SHARE -> figures.residents().suppressed().contains("activeSharePercent");
            case VOLUNTEER_SHARE -> figures.volunteering().suppressed().contains("volunteerSharePercent");
            case ANSWERED_IN_TERM_SHARE -> figures.initiatives().suppressed().contains("answeredInTermPercent");
            case BUDGET_SPENT_SHARE -> figures.wijkbudget().suppressed().contains("spentPercent");
        };
    }

    /** Thousands of inhabitants read as the reader writes them: 6.200. */
    private static Cell inhabitants(@Nullable Long value, Texts texts) {
        return value == null ? new Cell(MISSING, false) : new Cell(texts.number(value), false);
    }

    private static Cell count(@Nullable Number value) {
        return value == null ? new Cell(MISSING, false) : new Cell(String.valueOf(value), false);
    }

    private static Cell people(@Nullable Long value, String name, List<String> suppressed) {
        return suppressed.contains(name) ? new Cell(WITHHELD, true) : count(value);
    }

    private static Cell share(@Nullable Double value, String name, List<String> suppressed, Texts texts) {
        if (suppressed.contains(name)) {
            return new Cell(WITHHELD, true);
        }
        return value == null ? new Cell(MISSING, false) : new Cell(texts.percent(value), false);
    }
}
