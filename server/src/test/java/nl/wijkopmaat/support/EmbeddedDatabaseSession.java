package nl.wijkopmaat.support;

import nl.wijkopmaat.common.db.EmbeddedMariaDb;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the whole test run one real MariaDB: the one named by {@code DATASOURCES_DEFAULT_URL} when
 * set (CI uses the machine's MariaDB), otherwise an embedded one started once for all test classes.
 */
public class EmbeddedDatabaseSession implements LauncherSessionListener {

    private EmbeddedMariaDb database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getenv("DATASOURCES_DEFAULT_URL") != null || System.getProperty("datasources.default.url") != null) {
            return;
        }
        database = EmbeddedMariaDb.start();
        System.setProperty("datasources.default.url", database.jdbcUrl());
        System.setProperty("datasources.default.username", "root");
        System.setProperty("datasources.default.password", "");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
        }
    }
}
