package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.dateline.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application instances on one database, as in a cluster: each context has its own connection
 * pool, cluster locks and eviction listener; they share only the database, which a parent context
 * provides and migrates (so that a Testcontainers database is started once for both).
 */
class ClusterTests {

    /** The database, migrated once; its pool is used by Flyway only. */
    private final ApplicationContextRunner database = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ServiceConnectionAutoConfiguration.class,
                    DataSourceAutoConfiguration.class,
                    FlywayAutoConfiguration.class))
            .withPropertyValues("spring.datasource.hikari.maximum-pool-size=3")
            .withUserConfiguration(TestDatabase.class);

    /**
     * Both instances on a channel of their own: other contexts of this test run share the database,
     * and their changes (a sequencer placing entries, say) are announced on the default channel.
     */
    private final ApplicationContextRunner instance = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class))
            .withPropertyValues("dateline.cluster.evictions.channel=cluster_tests_"
                    + UUID.randomUUID().toString().replace("-", ""))
            .withUserConfiguration(OwnPool.class, ClusterLocks.class, ClusterEvictions.class, ReceivedChanges.class);

    @Test
    void aScheduledRunFiringOnTwoInstancesAtOnceRunsOnce() {
        String job = "test-job-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch fired = new CountDownLatch(1);
        Runnable work = () -> {
            runs.incrementAndGet();
            sleep(Duration.ofMillis(300));
        };

        twoInstances((a, b) -> {
            CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> {
                awaitLatch(fired);
                a.getBean(ClusterLocks.class).runOnce(job, Duration.ofSeconds(30), work);
            });
            CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> {
                awaitLatch(fired);
                b.getBean(ClusterLocks.class).runOnce(job, Duration.ofSeconds(30), work);
            });
            fired.countDown();
            CompletableFuture.allOf(onA, onB).join();
            // The same tick arriving a moment late on one instance (clock skew) is still skipped.
            b.getBean(ClusterLocks.class).runOnce(job, Duration.ofSeconds(30), work);
        });

        assertThat(runs).hasValue(1);
    }

    @Test
    void aChangeCommittedOnOneInstanceReachesTheOtherWithinOneSecond() {
        twoInstances((a, b) -> {
            inTransaction(a, () -> a.publishEvent(PublicPagesChanged.content()));

            await().atMost(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(received(b)).containsExactly(PublicPagesChanged.content()));
            // A's own notification comes back to A and is ignored; B does not send A's change back.
            sleep(Duration.ofMillis(500));
            assertThat(received(a)).containsExactly(PublicPagesChanged.content());
            assertThat(received(b)).containsExactly(PublicPagesChanged.content());
        });
    }

    @Test
    void aRolledBackChangeIsNotAnnounced() {
        twoInstances((a, b) -> {
            inTransaction(a, status -> {
                a.publishEvent(PublicPagesChanged.currency());
                status.setRollbackOnly();
            });
            inTransaction(a, () -> a.publishEvent(PublicPagesChanged.content()));

            await().atMost(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(received(b)).containsExactly(PublicPagesChanged.content()));
        });
    }

    @Test
    void aChannelThatIsNotAPlainIdentifierStopsTheStart() {
        database.run(db -> instance.withParent(db)
                .withPropertyValues("dateline.cluster.evictions.channel=cache; drop table article")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("must be a lower-case identifier")));
    }

    private void twoInstances(Instances test) {
        database.run(db -> instance.withParent(db)
                .run(a -> instance.withParent(db).run(b -> {
                    assertThat(a).hasNotFailed();
                    assertThat(b).hasNotFailed();
                    test.run(a, b);
                })));
    }

    private static List<PublicPagesChanged> received(ApplicationContext context) {
        return context.getBean(ReceivedChanges.class).changes;
    }

    private static void inTransaction(ApplicationContext context, Runnable work) {
        inTransaction(context, status -> work.run());
    }

    private static void inTransaction(
            ApplicationContext context, Consumer<org.springframework.transaction.TransactionStatus> work) {
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(work);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @FunctionalInterface
    interface Instances {
        void run(AssertableApplicationContext a, AssertableApplicationContext b);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPool {

        /** Named like the parent's pool, so that it hides that one inside this instance. */
        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(JdbcConnectionDetails database) {
            HikariDataSource pool = DataSourceBuilder.create()
                    .type(HikariDataSource.class)
                    .url(database.getJdbcUrl())
                    .username(database.getUsername())
                    .password(database.getPassword())
                    .build();
            pool.setMaximumPoolSize(3);
            return pool;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReceivedChanges {

        final List<PublicPagesChanged> changes = new CopyOnWriteArrayList<>();

        @EventListener
        void on(PublicPagesChanged change) {
            changes.add(change);
        }
    }
}
