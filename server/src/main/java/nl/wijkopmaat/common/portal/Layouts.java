package nl.wijkopmaat.common.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.i18n.Messages;

import java.util.Locale;

/** Builds the frame of a page for the request it answers. */
@Singleton
public class Layouts {

    /** The cookie the language switch sets; without it, {@code Accept-Language} decides. */
    public static final String LANGUAGE_COOKIE = "wom_lang";

    private final Messages messages;
    private final CsrfTokens csrfTokens;

    Layouts(Messages messages, CsrfTokens csrfTokens) {
        this.messages = messages;
        this.csrfTokens = csrfTokens;
    }

    public Layout of(HttpRequest<?> request, String titleCode) {
        Texts texts = texts(request);
        String path = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
        return new Layout(texts.t(titleCode), texts, request.getUserPrincipal().isPresent(), csrfTokens.tokenFor(request),
                path);
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
