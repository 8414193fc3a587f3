package nl.wijkopmaat.budget;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Cents written as euros for people to read: Dutch {@code € 1.234,50}, English {@code €1,234.50}. */
final class Euros {

    private Euros() {
    }

    static String dutch(long cents) {
        return "€ " + format(cents, Locale.forLanguageTag("nl"), true);
    }

    static String english(long cents) {
        return "€" + format(cents, Locale.ENGLISH, true);
    }

    /** For a spreadsheet: a decimal comma and no grouping, {@code -1234,50}. */
    static String plain(long cents) {
        return format(cents, Locale.forLanguageTag("nl"), false);
    }

    /**
     * Message arguments for an amount: {@code name} in Dutch and {@code nameEn} in English, so that
     * each language's text writes it its own way.
     */
    static Map<String, String> arguments(String name, long cents) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put(name, dutch(cents));
        args.put(name + "En", english(cents));
        return args;
    }

    private static String format(long cents, Locale locale, boolean grouping) {
        DecimalFormat format = new DecimalFormat(grouping ? "#,##0.00" : "0.00", DecimalFormatSymbols.getInstance(locale));
        return format.format(BigDecimal.valueOf(cents, 2));
    }
}
