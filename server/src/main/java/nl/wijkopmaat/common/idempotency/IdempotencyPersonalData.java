package nl.wijkopmaat.common.idempotency;

import jakarta.inject.Singleton;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;

import java.util.Map;
import java.util.UUID;

/** Stored first responses of a person's retried requests: shown in the export, gone on erasure. */
@Singleton
class IdempotencyPersonalData implements PersonalDataContributor {

    private final IdempotencyRepository repository;

    IdempotencyPersonalData(IdempotencyRepository repository) {
        this.repository = repository;
    }

    @Override
    public String section() {
        return "idempotentRequests";
    }

    @Override
    public Object export(UUID accountId) {
        return repository.findByPrincipalOrderByCreatedAt(accountId.toString()).stream()
                .map(stored -> Map.of("idempotencyKey", stored.idempotencyKey(), "createdAt", stored.createdAt(),
                        "response", stored.responseBody() == null ? "" : stored.responseBody()))
                .toList();
    }

    @Override
    public void erase(UUID accountId) {
        repository.deleteFor(accountId.toString());
    }
}
