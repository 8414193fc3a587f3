package nl.wijkopmaat.common.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.error.ProblemResponses;

/**
 * No identifier, filter or cursor of this API comes near the limit, so a longer address is refused
 * with a problem (414). The server's own line limit lies above it, so an overlong
 * address meets this answer and not a bare connection-level error.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class UriLengthFilter implements Ordered {

    private final int maxUriLength;
    private final ProblemResponses problems;

    UriLengthFilter(@Value("${wijkopmaat.http.max-uri-length:4096}") int maxUriLength, ProblemResponses problems) {
        this.maxUriLength = maxUriLength;
        this.problems = problems;
    }

    /** Before security and routing: an address this long is refused whoever sends it. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseLongUris(HttpRequest<?> request) {
        if (request.getUri().toString().length() <= maxUriLength) {
            return null;
        }
        return problems.of(request, ApiException.uriTooLong());
    }
}
