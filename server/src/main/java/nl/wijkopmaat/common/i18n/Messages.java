package nl.wijkopmaat.common.i18n;

import io.micronaut.context.MessageSource;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;

/**
 * Dutch and English texts for everything a person reads: problem details now, notifications later.
 * Dutch is the default; English is chosen with {@code Accept-Language: en} or an account's locale.
 */
@Singleton
public class Messages {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource source = new ResourceBundleMessageSource("i18n.messages", DUTCH);
    private final HttpLocaleResolver localeResolver;

    Messages(HttpLocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    /** The supported language the request asks for, Dutch when it asks for none we have. */
    public Locale locale(HttpRequest<?> request) {
        return localeResolver.resolve(request).map(Messages::supported).orElse(DUTCH);
    }

    public static Locale supported(Locale requested) {
        return ENGLISH.getLanguage().equals(requested.getLanguage()) ? ENGLISH : DUTCH;
    }

    public String get(String code, Locale locale) {
        return get(code, locale, Map.of());
    }

    public String get(String code, Locale locale, Map<String, Object> args) {
        return source.getMessage(code, supported(locale), args).orElse(code);
    }
}
