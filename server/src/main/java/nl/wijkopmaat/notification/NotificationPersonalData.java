package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;

import java.util.Map;
import java.util.UUID;

/** Devices, inbox and preferences: in the export, and gone on erasure. */
@Singleton
class NotificationPersonalData implements PersonalDataContributor {

    private final DeviceRepository devices;
    private final NotificationRepository notifications;
    private final PushJobRepository pushJobs;
    private final PreferenceRepository preferences;
    private final PreferenceService preferenceService;

    NotificationPersonalData(DeviceRepository devices, NotificationRepository notifications, PushJobRepository pushJobs,
                             PreferenceRepository preferences, PreferenceService preferenceService) {
        this.devices = devices;
        this.notifications = notifications;
        this.pushJobs = pushJobs;
        this.preferences = preferences;
        this.preferenceService = preferenceService;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object export(UUID accountId) {
        return Map.of(
                "devices", devices.findByAccountId(accountId).stream()
                        .map(device -> Map.of("token", device.token(), "platform", device.platform(),
                                "locale", device.locale(), "registeredAt", device.createdAt()))
                        .toList(),
                "inbox", notifications.findByAccountIdOrderByCreatedAt(accountId).stream().map(NotificationView::of).toList(),
                "preferences", preferenceService.of(accountId));
    }

    @Override
    public void erase(UUID accountId) {
        pushJobs.deleteForRecipient(accountId);
        notifications.deleteByAccountId(accountId);
        devices.deleteByAccountId(accountId);
        preferences.deletePreferencesOf(accountId);
        preferences.deleteQuietHoursOf(accountId);
    }
}
