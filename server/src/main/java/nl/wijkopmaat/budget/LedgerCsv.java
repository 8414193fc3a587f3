package nl.wijkopmaat.budget;

import nl.wijkopmaat.budget.BudgetService.LedgerLine;
import nl.wijkopmaat.budget.BudgetViews.EntryView;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ledger as Dutch spreadsheets open it: UTF-8 with a byte order mark, {@code ;} between cells,
 * amounts in euros with a decimal comma. Text that people typed and that starts with {@code =},
 * {@code +}, {@code -} or {@code @} (or a tab or carriage return) is written after an apostrophe, so a
 * spreadsheet shows it instead of running it as a formula; amounts are numbers the server writes.
 */
final class LedgerCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(BudgetService.MUNICIPAL_TIME);

    private LedgerCsv() {
    }

    /** {@code header} is the row of column names, {@code ;}-separated, in the reader's language. */
    static byte[] render(String header, List<LedgerLine> lines) {
        StringBuilder csv = new StringBuilder(header).append("\r\n");
        for (LedgerLine line : lines) {
            EntryView entry = line.entry();
            List<String> cells = new ArrayList<>();
            cells.add(TIME.format(entry.createdAt()));
            cells.add(entry.type().name());
            cells.add(Euros.plain(entry.amountCents()));
            cells.add(Euros.plain(entry.availableCents()));
            cells.add(text(line.initiativeTitle()));
            cells.add(text(entry.partnerName()));
            cells.add(entry.paidOn() == null ? "" : entry.paidOn().toString());
            cells.add(text(entry.reference()));
            cells.add(text(entry.reason()));
            cells.add(text(entry.actor() == null ? null : entry.actor().displayName()));
            csv.append(String.join(";", cells)).append("\r\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(body, 0, withBom, BOM.length, body.length);
        return withBom;
    }

    /** A text cell: defused when a spreadsheet would read it as a formula, quoted when it holds separators. */
    static String text(String value) {
        String cell = Objects.toString(value, "");
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r") || cell.startsWith("'")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
