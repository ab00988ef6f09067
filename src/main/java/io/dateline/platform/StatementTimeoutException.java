package io.dateline.platform;

import java.sql.SQLException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A read that PostgreSQL cancelled at its statement timeout: 503 with Retry-After, since the same
 * request may well succeed once the database is less busy. Thrown where a feature sets a local
 * statement timeout as the last guard of an expensive read (search, filtered feeds).
 */
public class StatementTimeoutException extends ProblemException {

    /** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    public StatementTimeoutException() {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "query-timeout",
                "Query took too long",
                "The database did not answer in time; try again shortly or narrow the request.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }

    /** True when {@code failure} is, or was caused by, a statement cancelled at its timeout. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
