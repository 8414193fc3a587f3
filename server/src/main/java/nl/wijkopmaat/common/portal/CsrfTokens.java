package nl.wijkopmaat.common.portal;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.security.ServerSecret;

import java.time.temporal.TemporalAmount;
import java.util.Base64;
import java.util.Optional;

/**
 * The form token of Micronaut Security's CSRF protection (double submit: the same signed token in a
 * cookie and in every form). A page reuses the token its reader already has, so that forms in
 * several tabs keep working; a new one is set as a cookie with the page that needs it.
 */
@Singleton
public class CsrfTokens {

    private static final String NEW_TOKEN = CsrfTokens.class.getName() + ".new";

    private final CsrfTokenGenerator<HttpRequest<?>> generator;
    private final CsrfTokenValidator<HttpRequest<?>> validator;
    private final CsrfConfiguration configuration;

    CsrfTokens(CsrfTokenGenerator<HttpRequest<?>> generator, CsrfTokenValidator<HttpRequest<?>> validator,
               CsrfConfiguration configuration) {
        this.generator = generator;
        this.validator = validator;
        this.configuration = configuration;
    }

    public String tokenFor(HttpRequest<?> request) {
        Optional<String> pending = request.getAttribute(NEW_TOKEN, String.class);
        if (pending.isPresent()) {
            return pending.get();
        }
        Optional<String> current = request.getCookies().findCookie(configuration.getCookieName()).map(Cookie::getValue)
                .filter(token -> validator.validateCsrfToken(request, token));
        if (current.isPresent()) {
            return current.get();
        }
        String token = generator.generateCsrfToken(request);
        request.setAttribute(NEW_TOKEN, token);
        return token;
    }

    /** Sets the cookie of a token made while answering the request. */
    @ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
    static class NewTokenCookie {

        private final CsrfConfiguration configuration;

        NewTokenCookie(CsrfConfiguration configuration) {
            this.configuration = configuration;
        }

        @ResponseFilter
        void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
            request.getAttribute(NEW_TOKEN, String.class).ifPresent(token -> {
                Cookie cookie = Cookie.of(configuration.getCookieName(), token)
                        .path(configuration.getCookiePath().orElse("/"))
                        .httpOnly(configuration.isCookieHttpOnly().orElse(true))
                        .secure(configuration.isCookieSecure().orElse(true));
                configuration.getCookieSameSite().ifPresent(cookie::sameSite);
                configuration.getCookieMaxAge().ifPresent(cookie::maxAge);
                response.cookie(cookie);
            });
        }
    }

    /**
     * Signs the tokens with a key of their own, derived from the server secret, in place of the
     * configured one (none).
     */
    @Singleton
    static class SigningKey implements BeanCreatedEventListener<CsrfConfiguration> {

        static final String PURPOSE = "form tokens";

        private final ServerSecret secret;

        SigningKey(ServerSecret secret) {
            this.secret = secret;
        }

        @Override
        public CsrfConfiguration onCreated(BeanCreatedEvent<CsrfConfiguration> event) {
            return new KeyedConfiguration(event.getBean(), Base64.getEncoder().encodeToString(secret.key(PURPOSE)));
        }
    }

    /** The module's configuration with the derived key. */
    private record KeyedConfiguration(CsrfConfiguration configured, String secretKey) implements CsrfConfiguration {

        @Override
        public int getRandomValueSize() {
            return configured.getRandomValueSize();
        }

        @Override
        public String getSecretKey() {
            return secretKey;
        }

        @Override
        public String getHeaderName() {
            return configured.getHeaderName();
        }

        @Override
        public String getHttpSessionName() {
            return configured.getHttpSessionName();
        }

        @Override
        public String getFieldName() {
            return configured.getFieldName();
        }

        @Override
        public boolean isSessionCookie() {
            return configured.isSessionCookie();
        }

        @Override
        public boolean isEnabled() {
            return configured.isEnabled();
        }

        @Override
        public String getCookieName() {
            return configured.getCookieName();
        }

        @Override
        public Optional<String> getCookieDomain() {
            return configured.getCookieDomain();
        }

        @Override
        public Optional<String> getCookiePath() {
            return configured.getCookiePath();
        }

        @Override
        public Optional<Boolean> isCookieHttpOnly() {
            return configured.isCookieHttpOnly();
        }

        @Override
        public Optional<Boolean> isCookieSecure() {
            return configured.isCookieSecure();
        }

        @Override
        public Optional<TemporalAmount> getCookieMaxAge() {
            return configured.getCookieMaxAge();
        }

        @Override
        public Optional<SameSite> getCookieSameSite() {
            return configured.getCookieSameSite();
        }
    }
}
