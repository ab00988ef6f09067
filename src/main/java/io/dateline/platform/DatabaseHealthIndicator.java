package io.dateline.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The database part of readiness, with a real time limit. Boot's own indicator validates with
 * {@code isValid(0)}, which waits forever on a stalled server, and so does the probe that calls it.
 * Here one check at a time runs on its own thread and the probe waits for it at most
 * {@code dateline.database.readiness-timeout}; a check still running then counts as DOWN, and the
 * next probe waits for that same check instead of starting another.
 */
class DatabaseHealthIndicator implements HealthIndicator, DisposableBean {

    /** Seconds PgJDBC's isValid may take; the pool's own connection timeout bounds the borrow. */
    private static final int VALIDATION_SECONDS = 1;

    private final DataSource dataSource;

    private final Duration wait;

    private final ExecutorService checks = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "database-readiness");
        thread.setDaemon(true);
        return thread;
    });

    private CompletableFuture<Health> running;

    DatabaseHealthIndicator(DataSource dataSource, Duration wait) {
        this.dataSource = dataSource;
        this.wait = wait;
    }

    @Override
    public Health health() {
        try {
            return check().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            return Health.down()
                    .withDetail("database", "PostgreSQL")
                    .withDetail("error", "no answer within " + wait.toMillis() + " ms")
                    .build();
        } catch (ExecutionException ex) {
            return Health.down(ex.getCause()).build();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    private synchronized CompletableFuture<Health> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(() -> DatabaseWork.READ.call(this::validate), checks);
        }
        return running;
    }

    private Health validate() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS)
                    ? Health.up().withDetail("database", "PostgreSQL").build()
                    : Health.down()
                            .withDetail("database", "PostgreSQL")
                            .withDetail("error", "connection not valid")
                            .build();
        } catch (SQLException | RuntimeException ex) {
            return Health.down()
                    .withDetail("database", "PostgreSQL")
                    .withDetail("error", ex.getClass().getSimpleName())
                    .build();
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
