package nl.wijkopmaat.common.mail;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import java.util.Optional;
import java.util.Properties;

/** The JavaMail session of Micronaut Email, from the project's own mail settings. */
@Singleton
@Replaces(DefaultSessionProvider.class)
class MailSessionProvider implements SessionProvider {

    private static final String TIMEOUT_MILLIS = "10000";

    private final Session session;

    MailSessionProvider(MailSettings settings, Optional<SmtpServer> local) {
        Properties properties = new Properties();
        String host = settings.host() != null ? settings.host() : local.map(SmtpServer::host).orElse("localhost");
        int port = settings.host() != null ? settings.port() : local.map(SmtpServer::port).orElse(settings.port());
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        boolean configured = settings.host() != null;
        if (configured && settings.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (configured && settings.username() != null) {
            properties.put("mail.smtp.auth", "true");
            String username = settings.username();
            String password = settings.password();
            session = Session.getInstance(properties, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                }
            });
        } else {
            session = Session.getInstance(properties);
        }
    }

    @Override
    public Session session() {
        return session;
    }
}
