package nl.wijkopmaat.common.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document as the NL GOV API Design Rules want it: {@code status}, {@code title}
 * and {@code detail} always, {@code invalidParams} listing every invalid field for a 400, and the
 * extension members of a problem that tells the client more (RFC 9457, section 3.2), written as
 * members of the document itself.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(String type, String title, int status, String detail, @Nullable String instance,
                             @Nullable List<InvalidParamDetail> invalidParams,
                             @JsonAnyGetter Map<String, Object> members) {

    @Serdeable
    public record InvalidParamDetail(String name, String reason) {
    }
}
