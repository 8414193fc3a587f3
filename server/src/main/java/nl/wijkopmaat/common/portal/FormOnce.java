package nl.wijkopmaat.common.portal;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.idempotency.IdempotencyStore;
import nl.wijkopmaat.common.idempotency.IdempotencyStore.Earlier;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A form that moves money is handled once per rendered form: each carries a fresh key in the hidden
 * field {@value #FIELD}, kept with the API's idempotency keys. The same form posted again by the
 * same person (a double click, a reload after a lost answer) gets the redirect of the first
 * submission, and the action is not run again. Only a submission that succeeded (a 303) keeps its
 * key: one that showed an error changes nothing, so the corrected form may be sent again.
 */
@Singleton
public class FormOnce {

    public static final String FIELD = "idempotencyKey";
    private static final int MAX_KEY_LENGTH = 100;
    /** The form token of every portal form; it changes per page, so it is no part of what was sent. */
    private static final String CSRF_FIELD = "csrfToken";

    private final IdempotencyStore store;
    private final TransactionOperations<?> transactions;

    FormOnce(IdempotencyStore store, TransactionOperations<?> transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    /** The key of one rendered form. */
    public String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * Runs {@code action} (a service call answering a redirect, or the form again with its errors)
     * in one transaction with the claim of the form's key, or answers the first submission's redirect.
     */
    public MutableHttpResponse<?> submit(HttpRequest<?> request, UUID person, Map<String, String> form,
                                         Supplier<MutableHttpResponse<?>> action) {
        String key = form.get(FIELD);
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.invalid(FIELD, "validation.idempotencyKey.required");
        }
        String requestHash = store.hash(material(request, form));
        return transactions.executeWrite(status -> {
            String claimId = UUID.randomUUID().toString();
            Optional<Earlier> earlier = store.claim(claimId, person.toString(), key, requestHash);
            if (earlier.isPresent()) {
                return replay(earlier.get(), requestHash);
            }
            MutableHttpResponse<?> response = action.get();
            String location = response.getHeaders().get(HttpHeaders.LOCATION);
            if (response.getStatus() == HttpStatus.SEE_OTHER && location != null) {
                store.complete(claimId, HttpStatus.SEE_OTHER.getCode(), location);
            } else {
                status.setRollbackOnly();
            }
            return response;
        });
    }

    private static MutableHttpResponse<?> replay(Earlier earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash) || earlier.location() == null) {
            throw ApiException.conflict("portal.formOnce.mismatch");
        }
        return Redirects.to(earlier.location());
    }

    /** What the form sent, in a fixed order, without the per-page CSRF token. */
    private static String material(HttpRequest<?> request, Map<String, String> form) {
        StringBuilder material = new StringBuilder(request.getMethodName()).append(' ').append(request.getPath());
        new TreeMap<>(form).forEach((name, value) -> {
            if (!CSRF_FIELD.equals(name)) {
                material.append('\n').append(name).append('=').append(value);
            }
        });
        return material.toString();
    }
}
