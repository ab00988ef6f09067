package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @TempDir
    Path dir;

    @Test
    void keepsDataAcrossRestarts() throws SQLException {
        Path data = dir.resolve("pgdata");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false)) {
            execute(server, "create table survivor (name text)", "insert into survivor values ('kept')");
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, 0, false);
                Connection connection = connect(restarted);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select name from survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
            assertThat(restarted.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
        }
    }

    @Test
    void refusesASecondInstanceOnTheSameDataDirectory() throws SQLException {
        Path data = dir.resolve("shared");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, 0, false)) {

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already using the embedded database")
                    .hasMessageContaining("dateline.embedded-db.data-dir");

            execute(first, "select 1");
        }
    }

    @Test
    void runsPostgresql17() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("version"), 0, true);
                Connection connection = connect(server);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("show server_version_num")) {
            rows.next();
            assertThat(rows.getInt(1)).isBetween(170000, 179999);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
    }

    private static void execute(EmbeddedPostgresServer server, String... sql) throws SQLException {
        try (Connection connection = connect(server);
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
