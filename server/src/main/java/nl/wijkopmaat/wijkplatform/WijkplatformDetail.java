package nl.wijkopmaat.wijkplatform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * The public view of a wijkplatform: with its contact address and the display names of its chair
 * and secretary (one of each at most; null while a role is vacant). The board's own addresses are
 * only in the members list, for admins and the board.
 */
@Serdeable
record WijkplatformDetail(UUID id, String name, UUID wijkId, String wijkName, UUID municipalityId,
                          @Nullable String contactEmail, @Nullable String chair, @Nullable String secretary) {

    static WijkplatformDetail of(Board board) {
        var platform = board.platform();
        return new WijkplatformDetail(platform.id(), platform.name(), platform.wijkId(), platform.wijkName(),
                platform.municipalityId(), platform.contactEmail(), first(board.chairs()), first(board.secretaries()));
    }

    @Nullable
    private static String first(List<String> names) {
        return names.isEmpty() ? null : names.get(0);
    }
}
