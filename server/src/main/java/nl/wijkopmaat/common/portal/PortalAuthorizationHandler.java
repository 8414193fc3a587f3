package nl.wijkopmaat.common.portal;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Refusals by the security filters (a form posted without its CSRF token) are a 403 page in the
 * portal, signed in or not: there is no bearer challenge to answer there. The API keeps Micronaut
 * Security's answers.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class PortalAuthorizationHandler extends DefaultAuthorizationExceptionHandler {

    private final PortalErrors errors;

    PortalAuthorizationHandler(ErrorResponseProcessor<?> errorResponseProcessor, RedirectConfiguration redirectConfiguration,
                               RedirectService redirectService,
                               List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                               @Nullable PriorToLoginPersistence priorToLoginPersistence, PortalErrors errors) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders, priorToLoginPersistence);
        this.errors = errors;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (Portal.isPortalRequest(request)) {
            return errors.page(request, HttpStatus.FORBIDDEN, "portal.error.forbidden");
        }
        return super.handle(request, exception);
    }
}
