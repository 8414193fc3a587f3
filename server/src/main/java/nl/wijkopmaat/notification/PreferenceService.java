package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.notification.NotificationCommands.Preferences;
import nl.wijkopmaat.notification.NotificationCommands.CategorySwitches;
import nl.wijkopmaat.notification.NotificationCommands.QuietHoursSetting;
import nl.wijkopmaat.notification.PreferenceRepository.PushSwitch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Push on or off per category (default on), mail on or off per category (default on for the
 * categories whose important notices a resident without the app must not miss), and quiet hours
 * (default 22:00-08:00).
 */
@Singleton
class PreferenceService {

    private final PreferenceRepository preferences;

    PreferenceService(PreferenceRepository preferences) {
        this.preferences = preferences;
    }

    @Transactional
    Preferences of(UUID accountId) {
        Map<String, PushSwitch> stored = preferences.switches(List.of(accountId)).stream()
                .collect(Collectors.toMap(PushSwitch::category, Function.identity()));
        QuietHours quiet = preferences.quietHours(List.of(accountId)).stream()
                .map(hours -> new QuietHours(hours.startsAt(), hours.endsAt()))
                .findFirst().orElse(QuietHours.DEFAULT);
        return new Preferences(
                CategorySwitches.of(category -> Optional.ofNullable(stored.get(category.name()))
                        .map(PushSwitch::pushEnabled).orElse(true)),
                CategorySwitches.of(category -> Optional.ofNullable(stored.get(category.name()))
                        .map(choice -> choice.mails(category)).orElse(category.mailByDefault())),
                new QuietHoursSetting(quiet.start(), quiet.end()));
    }

    /** Every switch given is stored: what the person sees is what they chose; mail left out stays as it was. */
    @Transactional
    Preferences update(UUID accountId, Preferences changes) {
        for (NotificationCategory category : NotificationCategory.values()) {
            if (changes.mail() == null) {
                preferences.setPush(accountId, category.name(), changes.push().enabled(category));
            } else {
                preferences.setPushAndMail(accountId, category.name(), changes.push().enabled(category),
                        changes.mail().enabled(category));
            }
        }
        preferences.setQuietHours(accountId, changes.quietHours().start(), changes.quietHours().end());
        return of(accountId);
    }
}
