package nl.wijkopmaat.common.portal;

import nl.wijkopmaat.common.i18n.Messages;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The texts and formats of one page in the reader's language: message codes from the same bundles
 * as the API's problems and notifications, dates in the municipality's time zone, money in euros.
 */
public final class Texts {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final Messages messages;
    private final Locale locale;

    Texts(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = Messages.supported(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    public String t(String code) {
        return messages.get(code, locale);
    }

    /** A text with named arguments, given as name, value, name, value. */
    public String t(String code, Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            args.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return messages.get(code, locale, args);
    }

    /** The text of an enum value: {@code <prefix>.<NAME>}. */
    public String of(String prefix, Enum<?> value) {
        return value == null ? "" : t(prefix + "." + value.name());
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(AMSTERDAM).format(instant);
    }

    /** An ISO date-time for {@code <time datetime>}. */
    public String isoDateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(AMSTERDAM).format(instant);
    }

    /** A share in percent with at most one decimal, as the reader writes it ("12,5%"). */
    public String percent(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(lang() + "-NL"));
        format.setMaximumFractionDigits(1);
        return format.format(value) + "%";
    }

    /** A count or amount with at most one decimal, grouped as the reader writes it. */
    public String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(lang() + "-NL"));
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    public String euros(long cents) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(lang() + "-NL"));
        return format.format(cents / 100.0);
    }
}
