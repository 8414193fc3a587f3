package nl.wijkopmaat.common.portal;

import io.micronaut.http.HttpRequest;

import java.net.URI;

/**
 * The portal is every path of the public port that is not the JSON API: its pages answer in HTML,
 * its forms are protected against cross-site requests and it signs in with a session cookie.
 */
public final class Portal {

    private static final String API_PREFIX = "/api/";

    private Portal() {
    }

    public static boolean isPortalRequest(HttpRequest<?> request) {
        return isPortalPath(request.getPath());
    }

    public static boolean isPortalPath(String path) {
        return !path.startsWith(API_PREFIX);
    }

    /**
     * A path of this portal to return to after signing in, or the start page: never another site
     * ({@code //host}, {@code https://...}), never the API, and never something that is no address
     * at all (a space, a broken {@code %} escape).
     */
    public static String localPath(String candidate) {
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.contains("\\")
                || !isPortalPath(candidate) || candidate.length() > 500 || !isUri(candidate)) {
            return "/";
        }
        return candidate;
    }

    private static boolean isUri(String candidate) {
        try {
            URI.create(candidate);
            return true;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
