package nl.wijkopmaat.common.portal;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Checks the token of {@link CsrfChecked} forms with Micronaut Security's CSRF validator (the token
 * in the form must equal the signed one in the cookie). The module's own filter reads the form body
 * while the request is still arriving, which a body sent after the headers does not survive here;
 * by the time a controller method is called the form is read.
 */
@Singleton
@InterceptorBean(CsrfChecked.class)
class CsrfCheck implements MethodInterceptor<Object, Object> {

    private final CsrfTokenValidator<HttpRequest<?>> validator;
    private final CsrfConfiguration configuration;

    CsrfCheck(CsrfTokenValidator<HttpRequest<?>> validator, CsrfConfiguration configuration) {
        this.validator = validator;
        this.configuration = configuration;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("a CSRF-checked method is called outside a request"));
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD && !hasValidToken(request, context)) {
            throw new AuthorizationException(null);
        }
        return context.proceed();
    }

    private boolean hasValidToken(HttpRequest<?> request, MethodInvocationContext<Object, Object> context) {
        for (Object argument : context.getParameterValues()) {
            if (argument instanceof Map<?, ?> form && form.get(configuration.getFieldName()) instanceof String token
                    && !token.isBlank()) {
                return validator.validateCsrfToken(request, token);
            }
        }
        return false;
    }
}
