package nl.wijkopmaat.common.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * Clients generated from the spec send {@code Accept: application/problem+json} on operations whose
 * only documented bodies are problems (those answering 204). A client that accepts problem+json
 * accepts this API's JSON, so the request is routed as if it said so, instead of a 406.
 */
@ServerFilter("/api/**")
class ProblemJsonAcceptFilter {

    private static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @RequestFilter
    @PreMatching
    void acceptJsonWithProblems(MutableHttpRequest<?> request) {
        boolean problems = request.accept().stream().anyMatch(type -> type.matches(PROBLEM_JSON));
        boolean json = request.accept().stream().anyMatch(type -> type.matches(MediaType.APPLICATION_JSON_TYPE));
        if (problems && !json) {
            request.getHeaders().add(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }
}
