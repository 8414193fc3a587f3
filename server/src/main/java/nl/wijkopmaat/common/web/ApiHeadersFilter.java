package nl.wijkopmaat.common.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import nl.wijkopmaat.common.portal.Portal;

/**
 * Adds the API version and the security headers of the NL GOV API Design Rules to every response,
 * including error responses produced by the framework.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ApiHeadersFilter implements Ordered {

    static final String API_VERSION = "API-Version";

    private static final String API_POLICY = "frame-ancestors 'none'";
    /** Pages load their styles, images and scripts from this server only, and never run inline script. */
    private static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final String apiVersion;

    ApiHeadersFilter(@Value("${wijkopmaat.api-version}") String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** First in the chain, so that it also sees responses the security filter produces itself. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header(API_VERSION, apiVersion);
        response.header("Cache-Control", "no-store");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Content-Security-Policy", Portal.isPortalRequest(request) ? PORTAL_POLICY : API_POLICY);
        response.header("Referrer-Policy", "same-origin");
        if (behindTls(request)) {
            response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    private static boolean behindTls(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
