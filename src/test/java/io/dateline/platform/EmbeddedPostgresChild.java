package io.dateline.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Runs in a child JVM that a test kills: starts the persistent embedded server on the given data
 * directory, commits one row, writes the postmaster's pid to the given file and waits to be killed.
 */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path ready = Path.of(args[1]);
        String value = args[2];
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, false);
        try (Connection connection =
                        DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password());
                Statement statement = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement("insert into survivor values (?)")) {
            statement.execute("create table if not exists survivor (name text)");
            insert.setString(1, value);
            insert.executeUpdate();
        }
        Files.writeString(
                ready, Long.toString(Postmasters.pidOf(server.dataDir()).orElseThrow()));
        Thread.sleep(Long.MAX_VALUE);
    }
}
