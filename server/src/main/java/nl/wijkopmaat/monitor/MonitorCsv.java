package nl.wijkopmaat.monitor;

import io.micronaut.core.annotation.Nullable;
import nl.wijkopmaat.monitor.MonitorViews.AreaFigures;
import nl.wijkopmaat.monitor.MonitorViews.BuurtFigures;
import nl.wijkopmaat.monitor.MonitorViews.MunicipalityMonitor;
import nl.wijkopmaat.monitor.MonitorViews.MunicipalityQuarter;
import nl.wijkopmaat.monitor.MonitorViews.ResidentsFigures;
import nl.wijkopmaat.monitor.MonitorViews.WijkColumn;
import nl.wijkopmaat.monitor.MonitorViews.WijkMonitor;
import nl.wijkopmaat.monitor.MonitorViews.WijkQuarter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The monitor as open data: one row per quarter and area, UTF-8 with a byte order mark, {@code ;}
 * between cells and a decimal comma, as Dutch spreadsheets open it. A withheld figure reads
 * {@code <5}; a figure that does not exist (no inhabitants recorded, no answers) is empty. The column
 * names are the JSON names, the same in every language, so that scripts can read them.
 */
final class MonitorCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String WITHHELD = "<5";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String HEADER = String.join(";", "quarter", "wijk", "buurt", "inhabitants", "households",
            "inhabitantsYear", "inhabitantsDemo", "registered", "active", "activeSharePercent", "volunteers",
            "volunteerSharePercent", "confirmedHours", "initiativesSubmitted", "initiativesApproved",
            "initiativesCompleted", "answered", "answeredInTerm", "answeredInTermPercent", "medianWorkingDaysToAnswer",
            "dialoogtafelsHeld", "attendance", "allocatedCents", "grantedCents", "paidCents", "spentPercent",
            "challengesByStatus");

    private MonitorCsv() {
    }

    static byte[] wijk(WijkMonitor monitor) {
        List<String> lines = new ArrayList<>();
        for (WijkQuarter quarter : monitor.quarters()) {
            lines.add(row(quarter.quarter(), monitor.name(), "", quarter.figures()));
            for (BuurtFigures buurt : quarter.buurten()) {
                lines.add(buurtRow(quarter.quarter(), monitor.name(), buurt));
            }
        }
        return file(lines);
    }

    static byte[] municipality(MunicipalityMonitor monitor) {
        List<String> lines = new ArrayList<>();
        for (MunicipalityQuarter quarter : monitor.quarters()) {
            lines.add(row(quarter.quarter(), "", "", quarter.total()));
            for (WijkColumn wijk : quarter.wijken()) {
                lines.add(row(quarter.quarter(), wijk.name(), "", wijk.figures()));
            }
        }
        return file(lines);
    }

    private static String row(String quarter, String wijk, String buurt, AreaFigures figures) {
        List<String> cells = new ArrayList<>(residents(quarter, wijk, buurt, figures.residents()));
        var volunteering = figures.volunteering();
        cells.add(cell(volunteering.volunteers(), "volunteers", volunteering.suppressed()));
        cells.add(cell(volunteering.volunteerSharePercent(), "volunteerSharePercent", volunteering.suppressed()));
        cells.add(number(volunteering.confirmedHours()));
        var initiatives = figures.initiatives();
        cells.add(number(initiatives.submitted()));
        cells.add(number(initiatives.approved()));
        cells.add(number(initiatives.completed()));
        cells.add(number(initiatives.answered()));
        cells.add(number(initiatives.answeredInTerm()));
        cells.add(number(initiatives.answeredInTermPercent()));
        cells.add(number(initiatives.medianWorkingDaysToAnswer()));
        var dialoogtafels = figures.dialoogtafels();
        cells.add(number(dialoogtafels.held()));
        cells.add(cell(dialoogtafels.attendance(), "attendance", dialoogtafels.suppressed()));
        var budget = figures.wijkbudget();
        cells.add(number(budget.allocatedCents()));
        cells.add(number(budget.grantedCents()));
        cells.add(number(budget.paidCents()));
        cells.add(number(budget.spentPercent()));
        cells.add(figures.challenges().byStatus().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", ")));
        return String.join(";", cells);
    }

    private static String buurtRow(String quarter, String wijk, BuurtFigures buurt) {
        List<String> cells = new ArrayList<>(residents(quarter, wijk, buurt.name(), buurt.residents()));
        while (cells.size() < HEADER.split(";").length) {
            cells.add("");
        }
        return String.join(";", cells);
    }

    private static List<String> residents(String quarter, String wijk, String buurt, ResidentsFigures residents) {
        return List.of(quarter, text(wijk), text(buurt), number(residents.inhabitants()), number(residents.households()),
                number(residents.inhabitantsYear()), residents.inhabitantsDemo() ? "1" : "0",
                cell(residents.registered(), "registered", residents.suppressed()),
                cell(residents.active(), "active", residents.suppressed()),
                cell(residents.activeSharePercent(), "activeSharePercent", residents.suppressed()));
    }

    private static String cell(@Nullable Number value, String name, List<String> suppressed) {
        return suppressed.contains(name) ? WITHHELD : number(value);
    }

    private static String number(@Nullable Number value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double decimal) {
            return decimal == Math.rint(decimal) ? Long.toString(decimal.longValue())
                    : Double.toString(decimal).replace('.', ',');
        }
        return value.toString();
    }

    /** Names are the municipality's own, but still defused and quoted like any text a spreadsheet reads. */
    private static String text(String value) {
        String cell = Objects.toString(value, "");
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.startsWith("'")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static byte[] file(List<String> lines) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        lines.forEach(line -> csv.append(line).append("\r\n"));
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(body, 0, withBom, BOM.length, body.length);
        return withBom;
    }
}
