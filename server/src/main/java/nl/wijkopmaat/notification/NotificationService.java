package nl.wijkopmaat.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.common.error.ApiException;
import nl.wijkopmaat.common.paging.Page;
import nl.wijkopmaat.common.paging.Cursors;
import nl.wijkopmaat.common.paging.ListScope;
import nl.wijkopmaat.common.paging.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The inbox and the push outbox. {@link #notify} runs inside the transaction of the change that
 * caused it: the inbox items and push jobs commit or roll back together with that change.
 */
@Singleton
public class NotificationService {

    private final NotificationRepository notifications;
    private final DeviceRepository devices;
    private final PushJobRepository pushJobs;
    private final PreferenceRepository preferences;
    private final AccountService accounts;
    private final PushGateway gateway;
    private final NotificationTexts texts;
    private final Cursors cursors;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, DeviceRepository devices, PushJobRepository pushJobs,
                        PreferenceRepository preferences, AccountService accounts, PushGateway gateway,
                        NotificationTexts texts, Cursors cursors, Clock clock) {
        this.notifications = notifications;
        this.devices = devices;
        this.pushJobs = pushJobs;
        this.preferences = preferences;
        this.accounts = accounts;
        this.gateway = gateway;
        this.texts = texts;
        this.cursors = cursors;
        this.clock = clock;
    }

    /**
     * Stores an inbox item per notice, with its message code and arguments (its texts are rendered
     * when read), and a push job per device of each recipient who wants pushes of that category,
     * delayed until their quiet hours end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(Collection<Notice> notices) {
        notify(notices, clock.instant());
    }

    /**
     * As {@link #notify(Collection)}, with pushes held until {@code pushNotBefore} (and then until the
     * recipient's quiet hours end): for reminders.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(Collection<Notice> notices, Instant pushNotBefore) {
        if (notices.isEmpty()) {
            return;
        }
        Set<UUID> recipients = notices.stream().map(Notice::recipient).collect(Collectors.toSet());
        // Erased accounts have no language: they are left out.
        Set<UUID> active = accounts.localesOf(recipients).keySet();
        Instant now = clock.instant();
        List<Notification> items = new ArrayList<>();
        for (Notice notice : notices) {
            if (!active.contains(notice.recipient())) {
                continue;
            }
            items.add(new Notification(UUID.randomUUID(), null, notice.recipient(), notice.category(), notice.kind(),
                    notice.message(), texts.encode(notice.args()), null, null, notice.resourceType(),
                    notice.resourceId(), now, null));
        }
        notifications.saveAll(items);
        if (gateway.enabled()) {
            pushJobs.saveAll(pushJobsFor(items, now, pushNotBefore.isAfter(now) ? pushNotBefore : now));
        }
    }

    private List<PushJob> pushJobsFor(List<Notification> items, Instant now, Instant earliest) {
        Set<UUID> people = items.stream().map(Notification::accountId).collect(Collectors.toSet());
        Map<UUID, List<Device>> devicesByPerson = devices.findByAccountIdIn(people).stream()
                .collect(Collectors.groupingBy(Device::accountId));
        if (devicesByPerson.isEmpty()) {
            return List.of();
        }
        Set<String> switchedOff = new HashSet<>();
        preferences.switches(devicesByPerson.keySet()).stream()
                .filter(preference -> !preference.pushEnabled())
                .forEach(preference -> switchedOff.add(preference.accountId() + ":" + preference.category()));
        Map<String, QuietHours> quiet = preferences.quietHours(devicesByPerson.keySet()).stream()
                .collect(Collectors.toMap(PreferenceRepository.StoredQuietHours::accountId,
                        stored -> new QuietHours(stored.startsAt(), stored.endsAt())));
        List<PushJob> jobs = new ArrayList<>();
        for (Notification item : items) {
            String person = item.accountId().toString();
            if (switchedOff.contains(person + ":" + item.category())) {
                continue;
            }
            Instant deliverFrom = quiet.getOrDefault(person, QuietHours.DEFAULT).deliverFrom(earliest);
            for (Device device : devicesByPerson.getOrDefault(item.accountId(), List.of())) {
                jobs.add(PushJob.pending(item.id(), device.id(), deliverFrom, now));
            }
        }
        return jobs;
    }

    /** A page of the inbox, its texts in {@code locale}: the language of the reader, not of the moment it was sent. */
    @Transactional
    Inbox inbox(UUID accountId, PageRequest page, Locale locale) {
        ListScope scope = ListScope.of("inbox", accountId);
        List<Notification> rows = cursors.after(page, scope)
                .map(key -> notifications.pageAfter(accountId, key.number(0), page.fetchSize()))
                .orElseGet(() -> notifications.firstPage(accountId, page.fetchSize()));
        Page<NotificationView> items = cursors.page(rows, page, scope, n -> List.of(n.seq()),
                n -> NotificationView.of(n, texts.render(n, locale)));
        return new Inbox(items.items(), items.nextCursor(), notifications.countByAccountIdAndReadAtIsNull(accountId));
    }

    @Transactional
    NotificationView markRead(UUID accountId, UUID notificationId, Locale locale) {
        Notification notification = notifications.findByIdAndAccountId(notificationId, accountId)
                .orElseThrow(() -> ApiException.notFound("problem.notFound.notification"));
        notifications.markRead(notificationId, clock.instant());
        Notification read = notifications.findById(notification.id()).orElseThrow();
        return NotificationView.of(read, texts.render(read, locale));
    }

    @Transactional
    int markAllRead(UUID accountId) {
        return notifications.markAllRead(accountId, clock.instant());
    }
}
