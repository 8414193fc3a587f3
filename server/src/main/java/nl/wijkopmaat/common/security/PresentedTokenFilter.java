package nl.wijkopmaat.common.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.ProblemResponses;

import java.util.Locale;

/**
 * A request that carries a bearer token the security filter did not accept (expired, forged, of
 * another server) is refused, also where a token is optional: answering it as anonymous would hide
 * the caller's own drafts and support without telling the app to refresh. Sign-in, refresh and
 * registration are exempt, because apps often still attach a stale token while they sign in.
 */
@ServerFilter("/api/**")
class PresentedTokenFilter implements Ordered {

    private static final String BEARER = "bearer ";

    private final ProblemResponses problems;

    PresentedTokenFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseInvalidToken(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER);
        if (!bearer || request.getUserPrincipal().isPresent() || exempt(request.getPath())) {
            return null;
        }
        return problems.of(request, ApiException.unauthorized("problem.token.invalid"));
    }

    private static boolean exempt(String path) {
        return path.startsWith("/api/v1/auth/") || path.equals("/api/v1/accounts") || path.startsWith("/api/v1/accounts/");
    }
}
