package nl.wijkopmaat.common.privacy;

import java.util.UUID;

/**
 * Implemented by every feature that stores personal data, so that a person's export is complete
 * and their erasure reaches everything (AVG/GDPR articles 15, 17 and 20).
 */
public interface PersonalDataContributor {

    /** Name of this feature's section in the export, e.g. {@code "initiatives"}. */
    String section();

    /** Everything this feature holds about the person, as serialisable values. */
    Object export(UUID accountId);

    /**
     * Removes or detaches the person's data. Runs in the erasure's transaction, before the
     * account itself is blanked.
     */
    void erase(UUID accountId);
}
