package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.UUID;

/** A person as others see them in any feature's answers: the name, or null for a removed account. */
@Serdeable
public record PersonRef(UUID id, @Nullable String displayName) {

    /** The person of {@code id} among {@code people} (read in one go for a whole page); null for no one. */
    public static @Nullable PersonRef of(@Nullable UUID id, Map<UUID, AccountRef> people) {
        if (id == null) {
            return null;
        }
        AccountRef account = people.get(id);
        return new PersonRef(id, account == null ? null : account.displayName());
    }
}
