package nl.wijkopmaat.notification;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import nl.wijkopmaat.account.AccountRef;
import nl.wijkopmaat.account.AccountService;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.mail.Mailer;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mail channel, for residents who use the portal and no app. A feature's notices class hands it
 * the notices important enough to mail; each goes to the recipient whose mail switch of its category
 * is on (see {@link NotificationCategory#mailByDefault()}) as a mail job, written in the transaction
 * of the change, so a mail is there exactly when the change committed. A scheduled job sends them
 * in batches, each claimed with {@code SKIP LOCKED} so that several server instances never send one
 * twice, its texts in the recipient's language at that moment.
 */
@Singleton
class MailOutbox {

    private final MailJobRepository jobs;
    private final PreferenceRepository preferences;
    private final NotificationTexts texts;
    private final Mailer mailer;
    private final Messages messages;
    /** Lazily: the account service collects the personal-data contributors, this feature's among them. */
    private final Provider<AccountService> accounts;
    private final Clock clock;

    MailOutbox(MailJobRepository jobs, PreferenceRepository preferences, NotificationTexts texts, Mailer mailer,
               Messages messages, Provider<AccountService> accounts, Clock clock) {
        this.jobs = jobs;
        this.preferences = preferences;
        this.texts = texts;
        this.mailer = mailer;
        this.messages = messages;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void enqueue(Collection<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Set<UUID> recipients = notices.stream().map(Notice::recipient).collect(Collectors.toSet());
        Map<String, PreferenceRepository.PushSwitch> stored = preferences.switches(recipients).stream()
                .collect(Collectors.toMap(choice -> choice.accountId() + ":" + choice.category(), Function.identity()));
        Instant now = clock.instant();
        List<MailJob> wanted = notices.stream()
                .filter(notice -> {
                    PreferenceRepository.PushSwitch choice = stored.get(notice.recipient() + ":" + notice.category().name());
                    return choice == null ? notice.category().mailByDefault() : choice.mails(notice.category());
                })
                .map(notice -> new MailJob(UUID.randomUUID(), notice.recipient(), notice.category(), notice.kind(),
                        notice.message(), texts.encode(notice.args()), notice.resourceType(), notice.resourceId(), now))
                .toList();
        jobs.saveAll(wanted);
    }

    /**
     * Sends up to {@code limit} mails and removes their jobs, in one transaction; an erased account
     * gets none. Returns how many jobs there were.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    int sendBatch(int limit) {
        List<MailJob> batch = jobs.claim(limit);
        if (batch.isEmpty()) {
            return 0;
        }
        Set<UUID> people = batch.stream().map(MailJob::accountId).collect(Collectors.toSet());
        Map<UUID, AccountRef> byId = accounts.get().findByIds(people);
        Map<UUID, Locale> locales = accounts.get().localesOf(people);
        for (MailJob job : batch) {
            AccountRef person = byId.get(job.accountId());
            Locale locale = locales.get(job.accountId());
            if (person == null || person.email() == null || locale == null) {
                continue;
            }
            NotificationTexts.Texts rendered = texts.render(job.messageKey(), job.messageArgs(), null, null, locale);
            mailer.send(person.id(), person.email(), rendered.title(), rendered.body() + "\n\n"
                    + messages.get("mail.notice.footer", locale));
        }
        jobs.deleteByIds(batch.stream().map(MailJob::id).toList());
        return batch.size();
    }
}
