package nl.wijkopmaat.wijkplatform;

import io.micronaut.core.annotation.Nullable;
import nl.wijkopmaat.account.PublicHolder;
import nl.wijkopmaat.common.security.Role;
import nl.wijkopmaat.geography.GeographyViews.WijkplatformView;

import java.util.List;

/**
 * A wijkplatform as anyone may see it: the platform, its contact address (the platform's own) and
 * the display names of its chair and secretary, longest-serving first.
 */
record Board(WijkplatformView platform, List<String> chairs, List<String> secretaries) {

    static Board of(WijkplatformView platform, List<PublicHolder> holders) {
        return new Board(platform, namesOf(holders, Role.CHAIR), namesOf(holders, Role.SECRETARY));
    }

    private static List<String> namesOf(List<PublicHolder> holders, Role role) {
        return holders.stream().filter(holder -> holder.role() == role).map(PublicHolder::displayName).toList();
    }

    @Nullable
    String contactEmail() {
        return platform.contactEmail();
    }
}
