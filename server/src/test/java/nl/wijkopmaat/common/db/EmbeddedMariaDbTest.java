package nl.wijkopmaat.common.db;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMariaDbTest {

    @Test
    void theEmbeddedDatabaseListensOnTheLoopbackAddressOnly() throws Exception {
        try (EmbeddedMariaDb database = EmbeddedMariaDb.start();
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), "root", "");
             ResultSet row = connection.createStatement().executeQuery("SELECT @@bind_address")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("127.0.0.1");
        }
    }
}
