package io.dateline.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Chooses the server for a connection when the connection is really needed (the lazy proxy in front
 * of it defers that until the first statement, when the transaction's read-only flag is known):
 * read-only transactions of anonymous callers go round-robin to the replicas in rotation, all else
 * to the primary. Authenticated callers are the only ones who write, so keeping all their work on
 * the primary gives them read-your-writes on every instance without any shared state
 * (docs/read-routing.md). A replica that refuses a connection is taken out at once and the read
 * goes to the primary instead of failing; the checker puts it back when it answers and catches up.
 *
 * <p>Spring's {@code AbstractRoutingDataSource} resolves a key to a target and then borrows from
 * it; the fallback needs to know which replica failed, so the choice and the borrow live together.
 */
final class ReplicaRouting extends AbstractDataSource implements AutoCloseable {

    static final String PRIMARY = "primary";

    private static final int VALIDATION_SECONDS = 1;

    private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);

    private final DataSource primary;

    private final List<Replica> replicas;

    private final Duration maxLag;

    private final Clock clock;

    private final AtomicInteger next = new AtomicInteger();

    private final Map<String, LongAdder> reads = new LinkedHashMap<>();

    private final ScheduledExecutorService checker;

    ReplicaRouting(DataSource primary, List<Replica> replicas, Duration maxLag, Duration checkInterval, Clock clock) {
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
        this.maxLag = maxLag;
        this.clock = clock;
        reads.put(PRIMARY, new LongAdder());
        replicas.forEach(replica -> reads.put(replica.name(), new LongAdder()));
        this.checker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "replica-checker");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::checkReplicas, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Replica> replicas() {
        return replicas;
    }

    /** Read-only transactions served so far, by target ("primary", "replica-1", ...). */
    Map<String, LongAdder> reads() {
        return reads;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return primary.getConnection();
        }
        if (!callerMayWrite()) {
            for (int i = 0; i < replicas.size(); i++) {
                Replica replica = replicas.get(Math.floorMod(next.getAndIncrement(), replicas.size()));
                if (replica.inRotation()) {
                    try {
                        Connection connection = replica.reads().getConnection();
                        // the pool skips its own check for a connection used in the last 0.5 s: one
                        // round trip here turns a replica that just died into a fallback, not an error
                        if (!connection.isValid(VALIDATION_SECONDS)) {
                            connection.close();
                            throw new SQLException("the connection to " + replica.name() + " is broken");
                        }
                        reads.get(replica.name()).increment();
                        return connection;
                    } catch (SQLException ex) {
                        log.warn(
                                "Replica {} refused a connection; reads go elsewhere until it recovers: {}",
                                replica.name(),
                                ex.getMessage());
                        replica.markDown(ex.getMessage());
                    }
                }
            }
        }
        reads.get(PRIMARY).increment();
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("Read routing borrows with the configured credentials only");
    }

    private static boolean callerMayWrite() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private void checkReplicas() {
        long primaryLsn;
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select (pg_current_wal_lsn() - '0/0')::bigint")) {
            row.next();
            primaryLsn = row.getLong(1);
        } catch (SQLException | RuntimeException ex) {
            // without the primary's position no lag can be measured; states stay as they are
            log.debug("Replica check skipped: the primary did not answer", ex);
            return;
        }
        for (Replica replica : replicas) {
            Replica.State before = replica.state();
            replica.check(primaryLsn, clock.instant(), maxLag);
            if (replica.state() != before) {
                log.info(
                        "Replica {} is now {}{}",
                        replica.name(),
                        replica.state(),
                        replica.problem() == null ? " (lag " + replica.lag() + ")" : ": " + replica.problem());
            }
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
        replicas.forEach(replica -> replica.pool().close());
    }
}
