package nl.wijkopmaat.common.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Sends plain-text mail through Micronaut Email. A mail that cannot be handed to the SMTP server is
 * logged with the account it was for (never the address) and the request goes on: every mail the
 * server sends can be asked for again.
 */
@Singleton
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final EmailSender<?, ?> sender;
    private final MailSettings settings;

    Mailer(EmailSender<?, ?> sender, MailSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    public void send(@Nullable UUID accountId, String to, String subject, String text) {
        try {
            sender.send(Email.builder().from(settings.from()).to(to).subject(subject).body(text));
            LOG.info("Mail \"{}\" sent for account {}", subject, accountId);
        } catch (EmailException e) {
            LOG.error("Mail for account {} could not be sent: {}", accountId, e.getMessage());
        }
    }

    /** The link to a page of the portal, e.g. {@code /account/bevestigen?token=...}. */
    public String link(String pathAndQuery) {
        return settings.publicBaseUrl() + pathAndQuery;
    }
}
