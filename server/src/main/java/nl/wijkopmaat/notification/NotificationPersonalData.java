package nl.wijkopmaat.notification;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.privacy.PersonalDataContributor;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Devices, inbox, reminders still to come, mails still to send and preferences: in the export, and gone on erasure. */
@Singleton
class NotificationPersonalData implements PersonalDataContributor {

    private final DeviceRepository devices;
    private final NotificationRepository notifications;
    private final PushJobRepository pushJobs;
    private final ScheduledNoticeRepository scheduled;
    private final MailJobRepository mails;
    private final PreferenceRepository preferences;
    private final PreferenceService preferenceService;
    private final NotificationTexts texts;
    /** Lazily: the account service collects every contributor, this one included. */
    private final Provider<AccountService> accounts;

    NotificationPersonalData(DeviceRepository devices, NotificationRepository notifications, PushJobRepository pushJobs,
                             ScheduledNoticeRepository scheduled, MailJobRepository mails, PreferenceRepository preferences,
                             PreferenceService preferenceService,
                             NotificationTexts texts, Provider<AccountService> accounts) {
        this.devices = devices;
        this.notifications = notifications;
        this.pushJobs = pushJobs;
        this.scheduled = scheduled;
        this.mails = mails;
        this.preferences = preferences;
        this.preferenceService = preferenceService;
        this.texts = texts;
        this.accounts = accounts;
    }

    @Override
    public String section() {
        return "notifications";
    }

    /** The inbox texts in the person's own language. */
    @Override
    public Object export(UUID accountId) {
        Locale locale = accounts.get().localesOf(Set.of(accountId)).getOrDefault(accountId, Messages.DUTCH);
        return Map.of(
                "devices", devices.findByAccountId(accountId).stream()
                        .map(device -> Map.of("token", device.token(), "platform", device.platform(),
                                "locale", device.locale(), "registeredAt", device.createdAt()))
                        .toList(),
                "inbox", notifications.inboxOf(accountId).stream()
                        .map(item -> NotificationView.of(item, texts.render(item, locale)))
                        .toList(),
                "scheduled", scheduled.findByRecipient(accountId).stream()
                        .map(notice -> {
                            NotificationTexts.Texts rendered = texts.render(notice.messageKey(), notice.messageArgs(),
                                    null, null, locale);
                            return Map.of("kind", notice.kind(), "title", rendered.title(), "body", rendered.body(),
                                    "dueAt", notice.dueAt());
                        })
                        .toList(),
                "mailsToSend", mails.findByAccountIdOrderByCreatedAt(accountId).stream()
                        .map(mail -> {
                            NotificationTexts.Texts rendered = texts.render(mail.messageKey(), mail.messageArgs(),
                                    null, null, locale);
                            return Map.of("kind", mail.kind(), "subject", rendered.title(), "createdAt", mail.createdAt());
                        })
                        .toList(),
                "preferences", preferenceService.of(accountId));
    }

    @Override
    public void erase(UUID accountId) {
        pushJobs.deleteForRecipient(accountId);
        scheduled.deleteByRecipient(accountId);
        mails.deleteByRecipient(accountId);
        notifications.deleteByAccountId(accountId);
        devices.deleteByAccountId(accountId);
        preferences.deletePreferencesOf(accountId);
        preferences.deleteQuietHoursOf(accountId);
    }
}
