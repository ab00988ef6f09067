package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

/** Which failures say "the database could not do the work" (503) and which are the request's or the code's. */
class DatabaseUnavailableTests {

    @Test
    void aRollbackThatFailsOnAConnectionThePoolClosedIsTheDatabase() {
        // what a stalled database gives a JPA transaction: the statement's socket timeout makes the
        // pool close the connection, the rollback then fails, and Spring throws that failure
        JpaSystemException rollback = new JpaSystemException(new RuntimeException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

        assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
    }

    @Test
    void connectionClassStatesAndPoolTimeoutsAreTheDatabase() {
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("reset", "08006"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("canceling statement", "57014")))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLTransientConnectionException("not available")))
                .isTrue();
    }

    @Test
    void aConstraintViolationOrABugIsNot() {
        assertThat(DatabaseUnavailable.isCause(
                        new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("Connection is open")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug")))
                .isFalse();
    }
}
