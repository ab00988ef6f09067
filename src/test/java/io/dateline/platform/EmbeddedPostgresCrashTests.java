package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with SIGKILL (an OOM killer, a crashed container) runs no shutdown hook. Its
 * postmaster must not outlive it for long, and the next start on the same data must succeed with
 * every committed row.
 */
class EmbeddedPostgresCrashTests {

    private static final Duration CHILD_START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(ChildJvm::killWithDescendants);
    }

    @Test
    void killedJvmLeavesNoPostmasterBehindAndTheNextStartKeepsItsData() throws Exception {
        Path data = dir.resolve("pgdata");

        // the watchdog stops the postmaster of a JVM killed outright
        Process first = startChild(data, "first");
        long firstPostmaster = awaitReady(first, "first");
        first.destroyForcibly().waitFor();

        assertThat(awaitExit(firstPostmaster, Duration.ofSeconds(15))).isTrue();

        // with its watchdog killed too, the orphan is stopped by the next start
        Process second = startChild(data, "second");
        long secondPostmaster = awaitReady(second, "second");
        second.descendants().forEach(ProcessHandle::destroyForcibly);
        second.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(secondPostmaster).map(ProcessHandle::isAlive))
                .contains(true);

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, 0, false)) {

            assertThat(ProcessHandle.of(secondPostmaster).filter(ProcessHandle::isAlive))
                    .isEmpty();
            assertThat(names(restarted)).containsExactlyInAnyOrder("first", "second");
        }
    }

    private Process startChild(Path data, String value) throws IOException {
        Path ready = dir.resolve(value + ".ready");
        Process child = ChildJvm.start(
                dir.resolve(value + ".log"),
                List.of(),
                EmbeddedPostgresChild.class.getName(),
                data.toString(),
                ready.toString(),
                value);
        children.add(child);
        return child;
    }

    /** Waits for the child to commit its row; returns the pid of its postmaster. */
    private long awaitReady(Process child, String value) throws Exception {
        Path ready = dir.resolve(value + ".ready");
        long deadline = System.nanoTime() + CHILD_START.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(ready) && Files.size(ready) > 0) {
                return Long.parseLong(Files.readString(ready).trim());
            }
            assertThat(child.isAlive()).as("child JVM alive, see %s.log", value).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("child JVM did not start the embedded PostgreSQL within " + CHILD_START);
    }

    private static boolean awaitExit(long pid, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }

    private static List<String> names(EmbeddedPostgresServer server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection =
                        DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select name from survivor")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
