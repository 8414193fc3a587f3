package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.notification.NotificationCommands.Preferences;
import nl.wijkopmaat.notification.NotificationCommands.QuietHoursSetting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
        Map<NotificationCategory, Boolean> push = new EnumMap<>(NotificationCategory.class);
        for (NotificationCategory category : NotificationCategory.values()) {
            push.put(category, true);
        }
        preferences.switches(List.of(accountId))
                .forEach(stored -> push.put(NotificationCategory.valueOf(stored.category()), stored.pushEnabled()));
        QuietHours quiet = preferences.quietHours(List.of(accountId)).stream()
                .map(stored -> new QuietHours(stored.startsAt(), stored.endsAt()))
                .findFirst().orElse(QuietHours.DEFAULT);
        return new Preferences(push, new QuietHoursSetting(quiet.start(), quiet.end()));
    }

    /** Categories left out of the request keep their current setting. */
    @Transactional
    Preferences update(UUID accountId, Preferences changes) {
        changes.push().forEach((category, enabled) -> preferences.setPush(accountId, category.name(), enabled));
        preferences.setQuietHours(accountId, changes.quietHours().start(), changes.quietHours().end());
        return of(accountId);
    }
}
