package nl.wijkopmaat.geography;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** What the geography feature shows to clients and to other features. */
public final class GeographyViews {

    private GeographyViews() {
    }

    @Serdeable
    public record MunicipalityView(UUID id, String name) {
        static MunicipalityView of(Municipality municipality) {
            return new MunicipalityView(municipality.id(), municipality.name());
        }
    }

    @Serdeable
    public record WijkSummary(UUID id, UUID municipalityId, String name, UUID wijkplatformId) {
    }

    @Serdeable
    public record BuurtView(UUID id, UUID wijkId, String name) {
        static BuurtView of(Buurt buurt) {
            return new BuurtView(buurt.id(), buurt.wijkId(), buurt.name());
        }
    }

    @Serdeable
    public record WijkplatformSummary(UUID id, String name) {
    }

    @Serdeable
    public record WijkDetail(UUID id, UUID municipalityId, String name, List<BuurtView> buurten,
                             WijkplatformSummary wijkplatform) {
    }

    /**
     * A wijkplatform with its wijk; {@code contactEmail} is the platform's own address, null until an
     * admin sets one.
     */
    @Serdeable
    public record WijkplatformView(UUID id, String name, UUID wijkId, String wijkName, UUID municipalityId,
                                   @Nullable String contactEmail) {
    }

    /** A buurt as a person chooses it: with the names of its wijk and municipality. */
    public record BuurtChoice(UUID id, String name, String wijkName, UUID municipalityId, String municipalityName) {
    }

    /** Where a buurt lies, for features that place people and things in a buurt. */
    public record BuurtPlace(UUID buurtId, UUID wijkId, UUID municipalityId) {
    }
}
