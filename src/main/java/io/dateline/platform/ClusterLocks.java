package io.dateline.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled work once per cluster: every instance's scheduler fires, the first to take the
 * job's row in the {@code shedlock} table runs it, the others skip this tick. ShedLock's JDBC
 * provider is used directly rather than through its {@code @SchedulerLock} aspect, because the
 * imports are registered as cron tasks (one per rate source, crons from properties) that no
 * annotation can reach.
 *
 * <p>A job that outlives its lock: {@code lockAtMostFor} is only how long a crashed holder blocks
 * the others. While the holder lives, ShedLock's {@link KeepAliveLockProvider} extends the lock
 * every half of that time, so a slow import never runs twice at once; if the holder dies, its
 * lock runs out after at most that time and the next tick on another instance runs the job.
 */
@Component
public class ClusterLocks implements DisposableBean {

    /**
     * Held at least this long even by a job that finishes at once, so that an instance whose cron
     * fires a little later (clock skew, a busy scheduler thread) does not run the same tick again.
     * Well below the shortest schedule (partner imports, every 15 minutes by default).
     */
    static final Duration LOCK_AT_LEAST_FOR = Duration.ofSeconds(30);

    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cluster-lock-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    private final LockingTaskExecutor executor;

    ClusterLocks(DataSource dataSource) {
        JdbcTemplateLockProvider provider =
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build());
        this.executor = new DefaultLockingTaskExecutor(new KeepAliveLockProvider(provider, keepAlive));
    }

    /**
     * Runs the task here if no other instance holds the named lock, else does nothing.
     *
     * @param lockAtMostFor the job's worst normal run: how long a crashed holder blocks the
     *     others (at least 30 seconds, the keep-alive's minimum)
     */
    public void runOnce(String name, Duration lockAtMostFor, Runnable task) {
        executor.executeWithLock(task, new LockConfiguration(Instant.now(), name, lockAtMostFor, LOCK_AT_LEAST_FOR));
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
