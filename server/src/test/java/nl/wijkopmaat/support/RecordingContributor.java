package nl.wijkopmaat.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A feature as later issues will add them: it holds data about people and must appear in their
 * export and be asked to erase on their erasure.
 */
@Singleton
@Requires(env = Environment.TEST)
public class RecordingContributor implements PersonalDataContributor {

    private final Set<UUID> erased = ConcurrentHashMap.newKeySet();

    @Override
    public String section() {
        return "testFeature";
    }

    @Override
    public Object export(UUID accountId) {
        return Map.of("heldFor", accountId.toString());
    }

    @Override
    public void erase(UUID accountId) {
        erased.add(accountId);
    }

    public boolean erased(UUID accountId) {
        return erased.contains(accountId);
    }
}
