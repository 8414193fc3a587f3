package nl.wijkopmaat.common.mail;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.CapturedLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process mail server of a development run says where its mail can be read. */
@MicronautTest(transactional = false)
class DevelopmentMailServerTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DevelopmentMailServer mailServer;
    @Inject
    MailSettings settings;

    @Test
    void aDevelopmentRunSaysWhereToReadItsMail() {
        try (CapturedLog log = CapturedLog.of(DevelopmentMailServer.class)) {
            mailServer.onApplicationEvent(new ServerStartupEvent(server));
            assertThat(log.messages()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("Mail of this run goes to an in-process SMTP server: read it by POP3 at 127.0.0.1:")
                    .contains("IMAP at 127.0.0.1:"));
        }
        assertThat(mailServer.host()).isEqualTo("127.0.0.1");
        assertThat(settings.host()).as("no mail host configured in tests").isNull();
    }
}
