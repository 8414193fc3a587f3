package nl.wijkopmaat.common.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import io.micronaut.security.authentication.Authentication;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.security.Authorizations;
import nl.wijkopmaat.common.security.Callers;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Builds the frame of a page for the request it answers. */
@Singleton
public class Layouts {

    /** The cookie the language switch sets; without it, {@code Accept-Language} decides. */
    public static final String LANGUAGE_COOKIE = "wom_lang";

    private final Messages messages;
    private final CsrfTokens csrfTokens;
    private final Authorizations authorizations;

    Layouts(Messages messages, CsrfTokens csrfTokens, Authorizations authorizations) {
        this.messages = messages;
        this.csrfTokens = csrfTokens;
        this.authorizations = authorizations;
    }

    public Layout of(HttpRequest<?> request, String titleCode) {
        Texts texts = texts(request);
        String path = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
        Optional<UUID> signedIn = request.getUserPrincipal(Authentication.class).map(Callers::accountId);
        return new Layout(texts.t(titleCode), texts, signedIn.isPresent(), signedIn.map(authorizations::hasAnyRole).orElse(false),
                csrfTokens.tokenFor(request), path);
    }

    public Texts texts(HttpRequest<?> request) {
        return new Texts(messages, locale(request));
    }

    public Locale locale(HttpRequest<?> request) {
        return request.getCookies().findCookie(LANGUAGE_COOKIE).map(Cookie::getValue)
                .map(Locale::forLanguageTag)
                .map(Messages::supported)
                .orElseGet(() -> messages.locale(request));
    }
}
