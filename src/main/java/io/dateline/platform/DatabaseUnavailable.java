package io.dateline.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.lang.Nullable;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database itself (unreachable, stalled, shutting down, a statement
 * cancelled by its timeout) from a failure of the request or of the code: the first is answered
 * 503 with Retry-After, because the same request will succeed once the database is back.
 */
final class DatabaseUnavailable {

    /**
     * PostgreSQL's SQLSTATEs for a statement cancelled (by statement_timeout), and for a server that
     * is shutting down, crashed, or still starting. Class 08 (connection exceptions) is checked apart.
     */
    private static final Set<String> STATES = Set.of("57014", "57P01", "57P02", "57P03");

    /**
     * What a 503 tells the client: long enough for a restarted or resumed database to accept
     * connections again, short enough that a reader's retry is not noticeably late.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The message, without SQLSTATE, of every call on a connection HikariCP has closed. */
    private static final String HIKARI_CLOSED = "Connection is closed";

    private DatabaseUnavailable() {}

    /** Whether {@code failure} or one of its causes says the database could not do the work. */
    static boolean isCause(@Nullable Throwable failure) {
        for (Throwable each = failure; each != null; each = each.getCause() == each ? null : each.getCause()) {
            if (each instanceof CannotCreateTransactionException
                    || each instanceof DataAccessResourceFailureException
                    || each instanceof TransientDataAccessResourceException
                    || each instanceof QueryTimeoutException
                    || each instanceof SQLTransientConnectionException) {
                return true;
            }
            if (each instanceof SQLException closed && HIKARI_CLOSED.equals(closed.getMessage())) {
                // HikariCP closed the connection because it broke (a socket timeout on a stalled
                // database): the transaction's rollback then fails with this, and Spring throws that
                // failure in place of the one that said "database unavailable"
                return true;
            }
            if (each instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
