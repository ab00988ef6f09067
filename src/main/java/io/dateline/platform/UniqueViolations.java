package io.dateline.platform;

import java.sql.SQLException;

/** Recognises PostgreSQL's unique-violation (SQLSTATE 23505) on a named index or constraint. */
public final class UniqueViolations {

    private UniqueViolations() {}

    public static boolean isOn(Throwable exception, String constraint) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && "23505".equals(sql.getSQLState())
                    && sql.getMessage() != null
                    && sql.getMessage().contains("\"" + constraint + "\"")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
