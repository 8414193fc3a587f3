package nl.wijkopmaat.common.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.portal.Portal;
import nl.wijkopmaat.common.portal.PortalErrors;

/** A refusal of a service: problem+json for the API, an error page for the portal. */
@Singleton
@Produces
class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {

    private final ProblemResponses problems;
    private final PortalErrors portalErrors;

    ApiExceptionHandler(ProblemResponses problems, PortalErrors portalErrors) {
        this.problems = problems;
        this.portalErrors = portalErrors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
        if (Portal.isPortalRequest(request)) {
            return portalErrors.page(request, exception);
        }
        return problems.of(request, exception);
    }
}
