package nl.wijkopmaat.common.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * In development and tests without a mail host, a real SMTP server in the process (GreenMail) on a
 * free port of the loopback address, whose mail can be read back by POP3 or IMAP, or by the tests.
 * Production never gets here: GreenMail is not packaged.
 */
@Singleton
@Requires(env = {Environment.DEVELOPMENT, Environment.TEST})
@Requires(classes = GreenMail.class)
@Requires(missingProperty = "wijkopmaat.mail.smtp.host")
public class DevelopmentMailServer implements SmtpServer, ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentMailServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final GreenMail greenMail;

    DevelopmentMailServer() {
        greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_POP3),
                new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
    }

    @Override
    public String host() {
        return LOOPBACK;
    }

    @Override
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every mail received so far to this address, oldest first. */
    public List<MimeMessage> receivedFor(String address) {
        return greenMail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true)
                .toList();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.info("Mail of this run goes to an in-process SMTP server: read it by POP3 at {}:{} or IMAP at {}:{} "
                        + "with the recipient's address as user name and password",
                LOOPBACK, greenMail.getPop3().getPort(), LOOPBACK, greenMail.getImap().getPort());
    }

    @PreDestroy
    void stop() {
        greenMail.stop();
    }
}
