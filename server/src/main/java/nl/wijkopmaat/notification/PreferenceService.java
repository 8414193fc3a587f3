package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.notification.NotificationCommands.Preferences;
import nl.wijkopmaat.notification.NotificationCommands.PushSwitches;
import nl.wijkopmaat.notification.NotificationCommands.QuietHoursSetting;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Push on or off per category (default on) and quiet hours (default 22:00-08:00). */
@Singleton
class PreferenceService {

    private final PreferenceRepository preferences;

    PreferenceService(PreferenceRepository preferences) {
        this.preferences = preferences;
    }

    @Transactional
    Preferences of(UUID accountId) {
        Set<String> switchedOff = new HashSet<>();
        preferences.switches(List.of(accountId)).stream()
                .filter(stored -> !stored.pushEnabled())
                .forEach(stored -> switchedOff.add(stored.category()));
        QuietHours quiet = preferences.quietHours(List.of(accountId)).stream()
                .map(stored -> new QuietHours(stored.startsAt(), stored.endsAt()))
                .findFirst().orElse(QuietHours.DEFAULT);
        return new Preferences(PushSwitches.of(category -> !switchedOff.contains(category.name())),
                new QuietHoursSetting(quiet.start(), quiet.end()));
    }

    /** Every switch is given: what the person sees is what is stored. */
    @Transactional
    Preferences update(UUID accountId, Preferences changes) {
        for (NotificationCategory category : NotificationCategory.values()) {
            preferences.setPush(accountId, category.name(), changes.push().enabled(category));
        }
        preferences.setQuietHours(accountId, changes.quietHours().start(), changes.quietHours().end());
        return of(accountId);
    }
}
