package nl.wijkopmaat.common.idempotency;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.security.ServerSecret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Stores the first response of a keyed request in the same transaction as the change it made, so a
 * retry replays it and a failed request leaves no trace.
 */
@Singleton
@InterceptorBean(Idempotent.class)
class IdempotencyInterceptor implements MethodInterceptor<Object, Object> {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 100;
    private static final String HMAC = "HmacSHA256";

    private final IdempotencyRepository repository;
    private final TransactionOperations<?> transactions;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final byte[] hashKey;

    IdempotencyInterceptor(IdempotencyRepository repository, TransactionOperations<?> transactions,
                           JsonMapper jsonMapper, Clock clock, ServerSecret secret) {
        this.repository = repository;
        this.transactions = transactions;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.hashKey = secret.key("idempotency hashes");
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        String key = request == null ? null : request.getHeaders().get(HEADER);
        if (key == null) {
            if (context.booleanValue(Idempotent.class, "required").orElse(false)) {
                throw ApiException.invalid(HEADER, "validation.idempotencyKey.required");
            }
            return context.proceed();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.invalid(HEADER, "validation.idempotencyKey.format");
        }
        String principal = request.getUserPrincipal().map(Principal::getName).orElse("anonymous");
        String requestHash = hash(request, context);
        return transactions.executeWrite(status -> {
            String id = UUID.randomUUID().toString();
            if (repository.claim(id, principal, key, requestHash, clock.instant()) == 0) {
                return replay(context, requestHash, repository.findByPrincipalAndIdempotencyKey(principal, key).orElseThrow());
            }
            Object result = context.proceed();
            HttpResponse<?> response = (HttpResponse<?>) result;
            repository.complete(id, response.code(), writeBody(response), response.getHeaders().get(HttpHeaders.LOCATION));
            return result;
        });
    }

    private Object replay(MethodInvocationContext<Object, Object> context, String requestHash, IdempotencyRecord stored) {
        if (!stored.requestHash().equals(requestHash)) {
            throw ApiException.conflict("problem.idempotency.mismatch");
        }
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(stored.statusCode()));
        Argument<?> bodyType = context.getReturnType().asArgument().getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
        if (stored.responseBody() != null) {
            response.body(readBody(stored.responseBody(), bodyType));
        }
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        return response.header(REPLAYED_HEADER, "true");
    }

    private String hash(HttpRequest<?> request, MethodInvocationContext<Object, Object> context) {
        StringBuilder material = new StringBuilder(request.getMethodName()).append(' ').append(request.getPath());
        for (MutableArgumentValue<?> argument : context.getParameters().values()) {
            if (argument.isAnnotationPresent(Body.class)) {
                material.append('\n').append(writeJson(argument.getValue()));
            }
        }
        // Keyed: request bodies may hold passwords, and an unkeyed hash of one could be brute-forced.
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(hashKey, HMAC));
            return HexFormat.of().formatHex(mac.doFinal(material.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String writeBody(HttpResponse<?> response) {
        return response.getBody().map(this::writeJson).orElse(null);
    }

    private String writeJson(Object value) {
        try {
            return jsonMapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object readBody(String json, Argument<?> type) {
        try {
            return jsonMapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
