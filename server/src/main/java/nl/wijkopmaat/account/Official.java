package nl.wijkopmaat.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** An official as colleagues see them when choosing an owner: the account id and name, nothing more. */
@Serdeable
public record Official(UUID id, @Nullable String displayName) {
}
