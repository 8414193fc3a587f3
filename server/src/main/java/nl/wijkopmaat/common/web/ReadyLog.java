package nl.wijkopmaat.common.web;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says that the server takes requests, and where: the line a developer or an operator waits for.
 */
@Singleton
class ReadyLog implements ApplicationEventListener<ServerStartupEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyLog.class);

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        EmbeddedServer server = event.getSource();
        LOG.info("Wijk op Maat ready on {}://localhost:{} (API under /api/v1)", server.getScheme(), server.getPort());
    }

    /** After whatever else has something to say at start-up. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
