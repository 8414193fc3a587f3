package nl.wijkopmaat.common.i18n;

import io.micronaut.context.MessageSource;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.List;
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

    private static final List<Locale> SUPPORTED = List.of(DUTCH, ENGLISH);

    private final MessageSource source = new ResourceBundleMessageSource("i18n.messages", DUTCH);

    /**
     * The supported language the request prefers, weighing the q-values of {@code Accept-Language};
     * Dutch when it asks for none we have or sends a header we cannot read.
     */
    public Locale locale(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return DUTCH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? DUTCH : best;
        } catch (IllegalArgumentException unreadable) {
            return DUTCH;
        }
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
