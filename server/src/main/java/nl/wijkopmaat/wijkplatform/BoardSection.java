package nl.wijkopmaat.wijkplatform;

import gg.jte.Content;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Templates;
import nl.wijkopmaat.common.portal.WijkPageSection;

import java.util.Map;
import java.util.UUID;

/**
 * The wijkplatform first on its wijk's page: its name, its chair and secretary by name and the
 * platform's own contact address; never a board member's personal address.
 */
@Singleton
class BoardSection implements WijkPageSection {

    private final MembershipService membership;
    private final Templates templates;

    BoardSection(MembershipService membership, Templates templates) {
        this.membership = membership;
        this.templates = templates;
    }

    @Override
    public int getOrder() {
        return 5;
    }

    @Override
    public Content section(WijkPlace wijk, Layout layout, @Nullable UUID viewer) {
        if (wijk.wijkplatformId() == null) {
            return output -> { };
        }
        return templates.content("wijkplatform/board",
                Map.of("section", new Section(layout, membership.board(wijk.wijkplatformId()))));
    }

    record Section(Layout layout, Board board) {
    }
}
