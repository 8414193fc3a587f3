package nl.wijkopmaat.common.portal;

import gg.jte.Content;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;

import java.util.UUID;

/**
 * A feature's part of a wijk's public page (its initiatives, dialoogtafels, budget...), read through
 * the feature's own service and rendered with its own template. Sections are shown in their order.
 */
public interface WijkPageSection extends Ordered {

    /** Reads what the section shows now; the content only writes it out. */
    Content section(WijkPlace wijk, Layout layout, @Nullable UUID viewer);

    /** Where a wijk page is: the ids the services take and the slugs its links are made of. */
    record WijkPlace(UUID municipalityId, String municipalitySlug, UUID wijkId, String wijkSlug, String wijkName,
                     UUID wijkplatformId, String municipalityName) {
    }
}
