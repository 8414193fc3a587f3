package nl.wijkopmaat.common.mail;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;

/**
 * How mail leaves the server, from {@code WIJKOPMAAT_MAIL_*} and {@code WIJKOPMAAT_PUBLIC_BASE_URL}.
 * Read at start-up: outside development and tests a server without a mail host does not start,
 * since nobody could verify an address or reset a password.
 */
@Context
public class MailSettings {

    static final String HOST_VARIABLE = "WIJKOPMAAT_MAIL_SMTP_HOST";

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final boolean startTls;
    private final String from;
    private final String publicBaseUrl;

    MailSettings(@Value("${wijkopmaat.mail.smtp.host:}") String host,
                 @Value("${wijkopmaat.mail.smtp.port:587}") int port,
                 @Value("${wijkopmaat.mail.smtp.username:}") String username,
                 @Value("${wijkopmaat.mail.smtp.password:}") String password,
                 @Value("${wijkopmaat.mail.smtp.starttls:true}") boolean startTls,
                 @Value("${wijkopmaat.mail.from:noreply@localhost}") String from,
                 @Value("${wijkopmaat.public.base-url:http://localhost:8080}") String publicBaseUrl,
                 Environment environment) {
        boolean local = environment.getActiveNames().contains(Environment.DEVELOPMENT)
                || environment.getActiveNames().contains(Environment.TEST);
        if (host.isBlank() && !local) {
            throw new IllegalStateException(HOST_VARIABLE + " is not set: the server sends verification and "
                    + "password reset mails through that SMTP server");
        }
        this.host = host.strip();
        this.port = port;
        this.username = username;
        this.password = password;
        this.startTls = startTls;
        this.from = from;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** Empty in development and tests without a configured host: then the in-process server is used. */
    @Nullable
    String host() {
        return host.isEmpty() ? null : host;
    }

    int port() {
        return port;
    }

    @Nullable
    String username() {
        return username.isEmpty() ? null : username;
    }

    String password() {
        return password;
    }

    boolean startTls() {
        return startTls;
    }

    String from() {
        return from;
    }

    /** Where links in mails point, without a trailing slash. */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }
}
