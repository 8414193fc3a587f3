package nl.wijkopmaat.common;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an empty database the migrations build the schema; starting again changes nothing.
 */
class MigrationTest {

    @Test
    void migrationsCreateTheSchemaOnceFromAnEmptyDatabase() throws SQLException {
        String database = "wijkopmaat_migration_" + UUID.randomUUID().toString().substring(0, 8);
        String serverUrl;
        String username;
        String password;
        try (ApplicationContext configuration = ApplicationContext.builder(Environment.TEST).build().start()) {
            serverUrl = configuration.getRequiredProperty("datasources.default.url", String.class);
            username = configuration.getProperty("datasources.default.username", String.class).orElse("root");
            password = configuration.getProperty("datasources.default.password", String.class).orElse("");
        }
        String url = serverUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        execute(serverUrl, username, password, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try {
            startApplication(url);
            String first = snapshot(url, username, password);
            assertThat(first).contains("account", "role_assignment", "refresh_token", "wijkplatform", "idempotency_record");

            startApplication(url);
            assertThat(snapshot(url, username, password)).as("a second start changes nothing").isEqualTo(first);
        } finally {
            execute(serverUrl, username, password, "DROP DATABASE " + database);
        }
    }

    private static void startApplication(String url) {
        ApplicationContext.run(Map.of("datasources.default.url", url), Environment.TEST).close();
    }

    /** The tables and the migration history, as text. */
    private static String snapshot(String url, String username, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement()) {
            return single(statement, "SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE()")
                    + " | " + single(statement, "SELECT GROUP_CONCAT(CONCAT(version, ':', checksum, ':', installed_on) "
                    + "ORDER BY installed_rank) FROM flyway_schema_history");
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(String url, String username, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
