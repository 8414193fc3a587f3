package nl.wijkopmaat.common.mail;

/** The SMTP server mail is handed to, when it is not the configured one. */
interface SmtpServer {

    String host();

    int port();
}
