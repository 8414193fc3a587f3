package nl.wijkopmaat.common.portal;

/** One choice of a select field: the value posted and the text shown. */
public interface Option {

    String value();

    String label();

    static Option of(String value, String label) {
        return new Simple(value, label);
    }

    record Simple(String value, String label) implements Option {
    }
}
