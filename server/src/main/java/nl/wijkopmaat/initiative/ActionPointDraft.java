package nl.wijkopmaat.initiative;

import io.micronaut.core.annotation.Nullable;
import nl.wijkopmaat.common.Theme;

import java.util.UUID;

/** What a dialoogtafel gives a draft initiative made from one of its action points. */
public record ActionPointDraft(String title, String description, Theme theme, UUID wijkId, @Nullable UUID buurtId,
                               UUID dialoogtafelId, UUID actionPointId) {
}
