package io.dateline.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded server needs to know about postmaster processes outside the JVM: a postmaster
 * left running by a JVM that was killed, and a watchdog that stops ours when this JVM dies.
 */
final class Postmasters {

    private static final Logger log = LoggerFactory.getLogger(Postmasters.class);

    /** PostgreSQL's own fast-shutdown budget is seconds; a stuck orphan gets an immediate stop after this. */
    private static final Duration FAST_STOP_WAIT = Duration.ofSeconds(10);

    private Postmasters() {}

    /** The pid that {@code postmaster.pid} names, if the file exists and starts with a number. */
    static OptionalLong pidOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException ex) {
            return OptionalLong.empty();
        }
    }

    /**
     * Stops a postmaster that still runs on {@code dataDir} although no JVM owns it (the data
     * directory lock is already ours when this runs). A stale pid file, whose process is gone or is
     * something else, is left to PostgreSQL, which recovers from it on start.
     */
    static void stopOrphan(Path dataDir) {
        OptionalLong pid = pidOf(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isPostmasterOn(pid.getAsLong(), dataDir)) {
            return;
        }
        log.warn(
                "A PostgreSQL server (pid {}) left by an earlier run still uses {}; stopping it (fast shutdown)",
                pid.getAsLong(),
                dataDir);
        signal(pid.getAsLong(), "INT");
        if (!awaitExit(process.get(), FAST_STOP_WAIT)) {
            log.warn("PostgreSQL (pid {}) did not stop within {}; asking for an immediate stop", pid, FAST_STOP_WAIT);
            signal(pid.getAsLong(), "QUIT");
            awaitExit(process.get(), FAST_STOP_WAIT);
        }
    }

    /** Reads {@code /proc/<pid>/cmdline}: the postmaster runs as {@code postgres -D <dataDir> ...}. */
    static boolean isPostmasterOn(long pid, Path dataDir) {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        if (!Files.isReadable(cmdline)) {
            // no procfs (macOS): a live process on the pid that the lock-guarded pid file names is
            // taken to be that postmaster, as pg_ctl itself does
            return !Files.exists(Path.of("/proc"));
        }
        try {
            List<String> args = List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
            int dir = args.indexOf("-D");
            return !args.isEmpty()
                    && args.get(0).endsWith("postgres")
                    && dir >= 0
                    && dir + 1 < args.size()
                    && Path.of(args.get(dir + 1)).toAbsolutePath().normalize().equals(dataDir);
        } catch (IOException ex) {
            return false;
        }
    }

    /**
     * Starts a shell that waits for this JVM to end and then asks the postmaster for a fast
     * shutdown. A JVM killed with SIGKILL runs no shutdown hook, so without it the postmaster would
     * keep running (and keep its port and shared memory) until the next start cleaned it up.
     * Returns empty where no POSIX shell exists.
     */
    static Optional<Process> startWatchdog(long postmasterPid) {
        Path shell = Path.of("/bin/sh");
        if (!Files.isExecutable(shell)) {
            return Optional.empty();
        }
        String script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; kill -INT \"$2\" 2>/dev/null";
        try {
            Process watchdog = new ProcessBuilder(
                            shell.toString(),
                            "-c",
                            script,
                            "dateline-postgres-watchdog",
                            Long.toString(ProcessHandle.current().pid()),
                            Long.toString(postmasterPid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(watchdog);
        } catch (IOException ex) {
            log.warn("Could not start the embedded PostgreSQL watchdog; an orphan is stopped at the next start", ex);
            return Optional.empty();
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException ex) {
            log.warn("Could not signal process {}", pid, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException ex) {
            return false;
        } catch (java.util.concurrent.ExecutionException ex) {
            return !process.isAlive();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
