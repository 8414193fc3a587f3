package nl.wijkopmaat.common.error;

import java.util.Map;

/**
 * One invalid input field. The reason is a message code, rendered in the caller's language.
 */
public record InvalidParam(String name, String reasonCode, Map<String, Object> reasonArgs) {

    public InvalidParam(String name, String reasonCode) {
        this(name, reasonCode, Map.of());
    }
}
