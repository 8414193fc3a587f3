package nl.wijkopmaat.dialoogtafel;

import gg.jte.Content;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.paging.PageRequest;
import nl.wijkopmaat.common.portal.Layout;
import nl.wijkopmaat.common.portal.Templates;
import nl.wijkopmaat.common.portal.WijkPageSection;
import nl.wijkopmaat.dialoogtafel.DialoogtafelViews.DialoogtafelView;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The dialoogtafels of the portal: the wijk's upcoming tables on its page, each with its calendar file. */
final class DialoogtafelPages {

    private DialoogtafelPages() {
    }

    /** The next ten dialoogtafels of the wijk, with seats left and the calendar download. */
    @Singleton
    static class WijkSection implements WijkPageSection {

        private static final int SHOWN = 10;

        private final DialoogtafelService dialoogtafels;
        private final Templates templates;
        private final Clock clock;

        WijkSection(DialoogtafelService dialoogtafels, Templates templates, Clock clock) {
            this.dialoogtafels = dialoogtafels;
            this.templates = templates;
            this.clock = clock;
        }

        @Override
        public int getOrder() {
            return 30;
        }

        @Override
        public Content section(WijkPlace wijk, Layout layout, @Nullable UUID viewer) {
            List<DialoogtafelView> upcoming = dialoogtafels.list(new DialoogtafelListQuery(wijk.wijkId(), null, null,
                    clock.instant(), null), viewer, PageRequest.first(SHOWN)).items();
            return templates.content("dialoogtafel/section", Map.of("section", new Section(layout, upcoming)));
        }
    }

    record Section(Layout layout, List<DialoogtafelView> dialoogtafels) {
    }
}
