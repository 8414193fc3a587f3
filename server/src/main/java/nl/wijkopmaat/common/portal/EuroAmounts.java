package nl.wijkopmaat.common.portal;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * Amounts in the portal's forms as people type and read them back: "1.250,50" and "1250,50" are
 * 125050 cents (a point with one or two decimals is a decimal point too); "12,505" is no amount,
 * because an amount is never rounded.
 */
public final class EuroAmounts {

    private static final String TYPED = "\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?|\\d+([.,]\\d{1,2})?";

    private EuroAmounts() {
    }

    /** The cents of a typed amount, or null when it is not euros with at most two decimals. */
    @Nullable
    public static Long parse(String typed) {
        String plain = typed.replace("€", "").replace(" ", "").strip();
        if (!plain.matches(TYPED)) {
            return null;
        }
        boolean dutch = plain.matches(".*,\\d{1,2}$") || plain.matches("\\d{1,3}(\\.\\d{3})+");
        String normalised = dutch ? plain.replace(".", "").replace(',', '.') : plain.replace(',', '.');
        try {
            return new BigDecimal(normalised).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return null;
        }
    }

    /** Cents as a form field shows them to be typed again: {@code 1250,50}. */
    public static String typed(long cents) {
        return new BigDecimal(cents).movePointLeft(2).toPlainString().replace('.', ',');
    }
}
