package nl.wijkopmaat.support;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract check that every test's traffic passes also refuses statuses the spec does not document. */
class ContractValidationTest {

    private static final String PROBLEM = """
            {"type": "about:blank", "title": "Bad request", "status": 400, "detail": "The request could not be read."}""";

    @Test
    void anUndocumentedStatusIsAViolation() {
        SimpleResponse teapot = SimpleResponse.Builder.status(418).withHeader("API-Version", "0.1.0")
                .withContentType("application/problem+json").withBody(PROBLEM).build();

        assertThat(Api.CONTRACT.validateResponse("/api/v1/municipalities", Request.Method.GET, teapot).hasErrors()).isTrue();
    }

    @Test
    void aDocumentedStatusPasses() {
        SimpleResponse badRequest = SimpleResponse.Builder.status(400).withHeader("API-Version", "0.1.0")
                .withContentType("application/problem+json").withBody(PROBLEM).build();

        assertThat(Api.CONTRACT.validateResponse("/api/v1/municipalities", Request.Method.GET, badRequest).hasErrors()).isFalse();
    }
}
