package nl.wijkopmaat.support;

import jakarta.inject.Singleton;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import nl.wijkopmaat.common.mail.DevelopmentMailServer;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the server mailed, read back from the in-process SMTP server of the test run. */
@Singleton
public class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("\\?token=([A-Za-z0-9_%-]+)");

    private final DevelopmentMailServer server;

    Mailbox(DevelopmentMailServer server) {
        this.server = server;
    }

    public List<Mail> to(String address) {
        return server.receivedFor(address).stream().map(Mailbox::read).toList();
    }

    public Mail last(String address) {
        List<Mail> mails = to(address);
        if (mails.isEmpty()) {
            throw new AssertionError("No mail to " + address);
        }
        return mails.get(mails.size() - 1);
    }

    /** The last mail to the address that carries a token link (a verification or reset mail). */
    public Mail lastWithToken(String address) {
        List<Mail> mails = to(address).stream().filter(mail -> TOKEN.matcher(mail.text()).find()).toList();
        if (mails.isEmpty()) {
            throw new AssertionError("No mail with a token to " + address);
        }
        return mails.get(mails.size() - 1);
    }

    private static Mail read(MimeMessage message) {
        try {
            return new Mail(message.getSubject(), text(message.getContent()), message.getFrom()[0].toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        Multipart multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart) {
                return text(part.getContent());
            }
        }
        throw new IllegalStateException("No plain text part");
    }

    public record Mail(String subject, String text, String from) {

        /** The token of the mail's link, as the app would send it to the API. */
        public String token() {
            Matcher matcher = TOKEN.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No token link in: " + text);
            }
            return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
        }
    }
}
