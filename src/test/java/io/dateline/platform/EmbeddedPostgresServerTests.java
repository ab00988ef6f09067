package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
    void throwAwayClusterRunsPostgresql17WithTheFastSettings() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("version"), 0, true)) {

            assertThat(Integer.parseInt(show(server, "server_version_num"))).isBetween(170000, 179999);
            assertThat(show(server, "fsync")).isEqualTo("off");
        }
    }

    @Test
    void persistentClusterIsDurableAndAcceptsOnlyTheGeneratedPassword() throws Exception {
        Path data = dir.resolve("guarded");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false)) {

            assertThat(show(server, "fsync")).isEqualTo("on");
            assertThat(show(server, "full_page_writes")).isEqualTo("on");
            assertThat(show(server, "synchronous_commit")).isEqualTo("on");

            Path passwordFile = dir.resolve("guarded.password");
            assertThat(Files.readString(passwordFile).trim()).isEqualTo(server.password());
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(server.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(
                            () -> DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, 0, false)) {
            execute(restarted, "select 1");
        }
    }

    private static String show(EmbeddedPostgresServer server, String setting) throws SQLException {
        try (Connection connection = connect(server);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("show " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password());
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
