package nl.wijkopmaat.common.load;

import io.micronaut.http.HttpRequest;

/**
 * For a request that, from some point on, mostly waits for work with a bounded queue of its own
 * (a password check): it gives its place among the requests in flight to the next one waiting, so
 * that waiting for that work keeps no other request out. The place is given back once.
 */
public final class Admission {

    static final String PERMIT = "wijkopmaat.load.permit";

    private Admission() {
    }

    public static void leave(HttpRequest<?> request) {
        request.getAttribute(PERMIT, AdmissionLimiter.Permit.class).ifPresent(AdmissionLimiter.Permit::release);
    }
}
