package nl.wijkopmaat.common.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.CapturedLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ReadyLogTest {

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;

    @Test
    void whenTheServerHasStartedItSaysOnWhichPortItIsReady() {
        ReadyLog readyLog = context.getBeansOfType(ApplicationEventListener.class,
                        Qualifiers.byTypeArguments(ServerStartupEvent.class)).stream()
                .filter(ReadyLog.class::isInstance).map(ReadyLog.class::cast)
                .findFirst().orElseThrow();
        try (CapturedLog log = CapturedLog.of(ReadyLog.class)) {
            readyLog.onApplicationEvent(new ServerStartupEvent(server));
            assertThat(log.messages()).containsExactly(
                    "Wijk op Maat ready on http://localhost:" + server.getPort() + " (API under /api/v1)");
        }
    }
}
