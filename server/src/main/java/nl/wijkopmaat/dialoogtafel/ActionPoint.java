package nl.wijkopmaat.dialoogtafel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/** What will be done after a table, and who takes it up; {@code initiativeId} once a resident made it an initiative. */
@MappedEntity("dialoogtafel_action_point")
record ActionPoint(
        @Id UUID id,
        UUID dialoogtafelId,
        int position,
        String text,
        String takenUpBy,
        @Nullable UUID initiativeId) {
}
