package nl.wijkopmaat.common.error;

import io.micronaut.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * A client error with a message code; rendered as a localized problem+json response.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> args;
    private final List<InvalidParam> invalidParams;
    private final Map<String, Object> members;

    protected ApiException(HttpStatus status, String code, Map<String, Object> args, List<InvalidParam> invalidParams) {
        this(status, code, args, invalidParams, Map.of());
    }

    private ApiException(HttpStatus status, String code, Map<String, Object> args, List<InvalidParam> invalidParams,
                         Map<String, Object> members) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.args = args;
        this.invalidParams = invalidParams;
        this.members = members;
    }

    public static ApiException notFound(String code) {
        return new ApiException(HttpStatus.NOT_FOUND, code, Map.of(), List.of());
    }

    public static ApiException forbidden(String code) {
        return new ApiException(HttpStatus.FORBIDDEN, code, Map.of(), List.of());
    }

    public static ApiException conflict(String code) {
        return conflict(code, Map.of());
    }

    public static ApiException conflict(String code, Map<String, Object> args) {
        return new ApiException(HttpStatus.CONFLICT, code, args, List.of());
    }

    /**
     * A conflict whose problem document carries {@code members} besides its texts, for a client
     * that acts on them (how much money is still available).
     */
    public static ApiException conflict(String code, Map<String, Object> args, Map<String, Object> members) {
        return new ApiException(HttpStatus.CONFLICT, code, args, List.of(), Map.copyOf(members));
    }

    public static ApiException uriTooLong() {
        return new ApiException(HttpStatus.REQUEST_URI_TOO_LONG, "problem.uriTooLong", Map.of(), List.of());
    }

    public static ApiException unauthorized(String code) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, Map.of(), List.of());
    }

    public static ApiException invalid(List<InvalidParam> invalidParams) {
        return new ApiException(HttpStatus.BAD_REQUEST, "problem.validation", Map.of(), List.copyOf(invalidParams));
    }

    public static ApiException invalid(String name, String reasonCode) {
        return invalid(List.of(new InvalidParam(name, reasonCode)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> args() {
        return args;
    }

    public List<InvalidParam> invalidParams() {
        return invalidParams;
    }

    public Map<String, Object> members() {
        return members;
    }
}
