package nl.wijkopmaat.common.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The portal's redirects: after a form (303, so that reloading does not post again) and to sign in. */
public final class Redirects {

    public static final String SIGN_IN = "/inloggen";

    private Redirects() {
    }

    public static MutableHttpResponse<?> to(String path) {
        return HttpResponse.seeOther(URI.create(Portal.localPath(path)));
    }

    /** To the sign-in page, coming back to the page asked for afterwards. */
    public static MutableHttpResponse<?> signIn(HttpRequest<?> request) {
        String back = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
        return HttpResponse.seeOther(URI.create(SIGN_IN + "?terug=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
    }
}
