package io.dateline.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Gives every borrowed connection the limits of the work that borrows it ({@link DatabaseWork}):
 * a server-side {@code statement_timeout}, so that a slow statement is cancelled by PostgreSQL, and
 * a client-side network timeout a little longer, so that a stalled server (a frozen disk, a paused
 * VM, a lost network) cannot hold a thread on a silent socket. The pool resets the network timeout
 * when the connection comes back; the statement timeout is a session setting, so it is only sent
 * when the connection's last value differs.
 */
class TimeLimitedDataSource extends DelegatingDataSource implements AutoCloseable {

    /** Lets a live server's own cancellation (a clean SQL error) arrive before the socket gives up. */
    static final Duration NETWORK_MARGIN = Duration.ofMillis(250);

    private static final Executor SAME_THREAD = Runnable::run;

    private final Supplier<DatabaseProperties> properties;

    /** Statement timeout last set on each physical connection; entries go with their connection. */
    private final Map<Connection, Long> statementTimeouts = Collections.synchronizedMap(new WeakHashMap<>());

    TimeLimitedDataSource(DataSource pool, Supplier<DatabaseProperties> properties) {
        super(pool);
        this.properties = properties;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return limited(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return limited(super.getConnection(username, password));
    }

    /** Closes the pool when the context closes: the exposed bean is this wrapper, not the pool. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private Connection limited(Connection connection) throws SQLException {
        long timeout = DatabaseWork.current().statementTimeout(properties.get()).toMillis();
        try {
            connection.setNetworkTimeout(SAME_THREAD, Math.toIntExact(timeout + NETWORK_MARGIN.toMillis()));
            Connection physical = connection.unwrap(Connection.class);
            Long current = statementTimeouts.get(physical);
            if (current == null || current != timeout) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set statement_timeout = " + timeout);
                }
                statementTimeouts.put(physical, timeout);
            }
            return connection;
        } catch (SQLException | RuntimeException ex) {
            connection.close();
            throw ex;
        }
    }
}
