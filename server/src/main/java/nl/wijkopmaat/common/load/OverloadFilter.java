package nl.wijkopmaat.common.load;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import nl.wijkopmaat.common.error.RetryLaterException;
import nl.wijkopmaat.common.error.ProblemResponses;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Lets API requests in through the {@link AdmissionLimiter}: under overload the API answers 503
 * with Retry-After within a second, the threads and the heap stay flat, and the requests that were
 * let in still get their connection in time.
 */
@ServerFilter("/api/**")
class OverloadFilter implements Ordered {

    private final AdmissionLimiter limiter;
    private final ProblemResponses problems;

    OverloadFilter(AdmissionLimiter limiter, ProblemResponses problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    /** Before security: checking a token already reads the database. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> admit(HttpRequest<?> request,
                                            FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        return Mono.fromFuture(limiter::admit)
                .flatMap(permit -> {
                    request.setAttribute(Admission.PERMIT, permit);
                    return Mono.from(chain.proceed()).doFinally(signal -> permit.release());
                })
                .onErrorResume(AdmissionLimiter.Overloaded.class, overloaded -> Mono.just(
                        problems.of(request, RetryLaterException.unavailable(limiter.retryAfter()))));
    }
}
