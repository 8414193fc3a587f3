package nl.wijkopmaat.account;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.i18n.Messages;
import nl.wijkopmaat.common.mail.Mailer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The mails of the account feature, plain text in the account's language. */
@Singleton
class AccountMails {

    static final String VERIFY_PAGE = "/account/bevestigen?token=";
    static final String RESET_PAGE = "/account/wachtwoord-herstellen?token=";

    private final Mailer mailer;
    private final Messages messages;

    AccountMails(Mailer mailer, Messages messages) {
        this.mailer = mailer;
        this.messages = messages;
    }

    void verification(Account account, String token, Duration lifetime) {
        send(account, "mail.verify", Map.of("name", account.displayName(),
                "link", mailer.link(VERIFY_PAGE + encode(token)), "token", token, "hours", lifetime.toHours()));
    }

    /** To an address that already has an account: someone (perhaps its owner) tried to register it again. */
    void alreadyRegistered(Account account) {
        send(account, "mail.registered", Map.of("name", account.displayName()));
    }

    void passwordReset(Account account, String token, Duration lifetime) {
        send(account, "mail.reset", Map.of("name", account.displayName(),
                "link", mailer.link(RESET_PAGE + encode(token)), "token", token, "minutes", lifetime.toMinutes()));
    }

    void passwordChanged(Account account) {
        send(account, "mail.passwordChanged", Map.of("name", account.displayName()));
    }

    /**
     * To an address without a verified account that was given a role, once the invitation is
     * committed; in Dutch, the language of its municipality.
     */
    @TransactionalEventListener
    void invitation(RoleInvited invited) {
        Locale locale = Messages.DUTCH;
        String roleName = messages.get("role." + invited.role().name(), locale);
        mailer.send(null, invited.email(), messages.get("mail.invitation.subject", locale, Map.of("role", roleName)),
                messages.get("mail.invitation.body", locale, Map.of("role", roleName)));
    }

    private void send(Account account, String key, Map<String, Object> args) {
        Locale locale = Locale.forLanguageTag(account.locale());
        mailer.send(account.id(), account.email(), messages.get(key + ".subject", locale, args),
                messages.get(key + ".body", locale, args));
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
