package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.portal.Portal;
import nl.wijkopmaat.common.portal.Redirects;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Portal sign-in lives in a cookie, never in one server's memory, so that any instance behind the
 * proxy can answer: the cookie holds a short-lived signed token with the same claims as the API's
 * access tokens (account id and session epoch), renewed while the reader keeps using the portal.
 * Ending the account's sessions (sign out everywhere, a password change) ends it at once.
 */
@Singleton
class PortalSessions {

    static final String COOKIE = "wom_session";

    private final Authenticator<HttpRequest<?>> authenticator;
    private final TokenGenerator tokens;
    private final Duration lifetime;
    private final Clock clock;

    PortalSessions(Authenticator<HttpRequest<?>> authenticator, TokenGenerator tokens,
                   @Value("${wijkopmaat.portal.session-lifetime:30m}") Duration lifetime, Clock clock) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Checks email and password the way the API's sign-in does (throttles, lockouts, audit). */
    AuthenticationResponse authenticate(HttpRequest<?> request, String email, String password) {
        return Mono.from(authenticator.authenticate(request, new UsernamePasswordCredentials(email, password))).block();
    }

    Cookie cookieFor(Authentication authentication) {
        // Only the subject and the session epoch are carried over: the claims of the token being
        // renewed (issued at, expiry) must not overwrite the new ones.
        Authentication session = Authentication.build(authentication.getName(),
                Map.of(SessionClaimsGenerator.SESSION_EPOCH, SessionClaimsGenerator.sessionEpoch(authentication)));
        String token = tokens.generateToken(session, Math.toIntExact(lifetime.toSeconds()))
                .orElseThrow(() -> new IllegalStateException("no session token could be signed"));
        return cookie(token).maxAge(lifetime);
    }

    static Cookie cleared() {
        return cookie("").maxAge(0);
    }

    private static Cookie cookie(String value) {
        return Cookie.of(COOKIE, value).httpOnly(true).secure(true).sameSite(SameSite.Lax).path("/");
    }

    /** Whether more than half of the session's time has passed, so that it is renewed. */
    boolean dueForRenewal(Authentication authentication) {
        Instant issued = issuedAt(authentication.getAttributes().get("iat"));
        return issued == null || issued.plus(lifetime.dividedBy(2)).isBefore(clock.instant());
    }

    @Nullable
    private static Instant issuedAt(@Nullable Object claim) {
        if (claim instanceof Date date) {
            return date.toInstant();
        }
        if (claim instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }

    /** Reads the session cookie on portal pages only: the API takes bearer tokens and nothing else. */
    @Singleton
    static class CookieReader implements TokenReader<HttpRequest<?>> {

        @Override
        public Optional<String> findToken(HttpRequest<?> request) {
            if (!Portal.isPortalRequest(request)) {
                return Optional.empty();
            }
            return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(value -> !value.isBlank());
        }
    }

    /**
     * A session of an erased account, or of one whose sessions were ended, is dropped and the reader
     * is sent to the sign-in page; a live one is renewed.
     */
    @ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
    static class Keeper implements Ordered {

        private final AccountService accounts;
        private final PortalSessions sessions;

        Keeper(AccountService accounts, PortalSessions sessions) {
            this.accounts = accounts;
            this.sessions = sessions;
        }

        @Override
        public int getOrder() {
            return ServerFilterPhase.SECURITY.after();
        }

        @RequestFilter
        @ExecuteOn(TaskExecutors.BLOCKING)
        @Nullable
        HttpResponse<?> dropEndedSession(HttpRequest<?> request) {
            Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
            if (!Portal.isPortalRequest(request) || authentication.isEmpty()
                    || accounts.isCurrentSession(UUID.fromString(authentication.get().getName()),
                    SessionClaimsGenerator.sessionEpoch(authentication.get()))) {
                return null;
            }
            return HttpResponse.seeOther(URI.create(Redirects.SIGN_IN)).cookie(cleared());
        }

        @ResponseFilter
        void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
            if (!Portal.isPortalRequest(request) || response.getCookie(COOKIE).isPresent()) {
                return;
            }
            request.getUserPrincipal(Authentication.class)
                    .filter(sessions::dueForRenewal)
                    .ifPresent(authentication -> response.cookie(sessions.cookieFor(authentication)));
        }
    }
}
