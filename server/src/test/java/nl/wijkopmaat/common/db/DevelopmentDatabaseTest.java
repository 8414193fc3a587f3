package nl.wijkopmaat.common.db;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.wijkopmaat.support.CapturedLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database itself is what every test run without a database URL uses; here only what
 * a development run says about it once the server is up.
 */
@MicronautTest(transactional = false)
class DevelopmentDatabaseTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aDevelopmentRunSaysThatItsDataIsDiscardedWhenTheServerStops() {
        try (CapturedLog log = CapturedLog.of(DevelopmentDatabase.class)) {
            new DevelopmentDatabase().onApplicationEvent(new ServerStartupEvent(server));
            assertThat(log.messages()).containsExactly(
                    "Development run on an embedded MariaDB: its data is discarded when the server stops");
        }
    }
}
