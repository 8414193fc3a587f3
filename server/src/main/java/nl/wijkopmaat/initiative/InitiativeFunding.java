package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;

import java.util.Set;
import java.util.UUID;

/**
 * An initiative as the wijkbudget sees it: where it is, whether it may receive money, and who hears
 * about money granted to it and paid out (its author, null once erased, and its supporters).
 */
public record InitiativeFunding(UUID id, UUID municipalityId, UUID wijkId, InitiativeStatus status, String title,
                                @Nullable UUID authorId, Set<UUID> supporterIds) {

    /** Money goes to an approved initiative, and a funded one may receive more (a top-up). */
    public boolean fundable() {
        return status == InitiativeStatus.APPROVED || status == InitiativeStatus.FUNDED;
    }
}
