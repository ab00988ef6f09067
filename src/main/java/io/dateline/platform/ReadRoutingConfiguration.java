package io.dateline.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With {@code dateline.datasource.replicas} set, the application's DataSource (Boot's primary pool,
 * configured by {@code spring.datasource.*} as always) is wrapped in a {@link ReadRoutingDataSource}
 * with one pool per replica. Without it nothing here exists and the primary serves everything.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReadRoutingConfiguration.ReplicasConfigured.class)
class ReadRoutingConfiguration {

    /** A read waits this long at most for a replica's connection before it goes to the primary. */
    private static final Duration REPLICA_CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    static BeanPostProcessor readRoutingDataSource(
            Environment environment, ObjectProvider<Clock> clock, ObjectProvider<DatabaseProperties> limits) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource primary && "dataSource".equals(beanName)) {
                    ReplicaProperties properties = Binder.get(environment)
                            .bindOrCreate("dateline.datasource", Bindable.of(ReplicaProperties.class));
                    // every pool gets the time limits of its class of work; the router itself must
                    // not be wrapped (DatabaseResilienceConfiguration skips it): a wrapper would
                    // fetch the physical connection before the transaction is marked read-only
                    UnaryOperator<DataSource> limited = pool -> pool instanceof TimeLimitedDataSource
                            ? pool
                            : new TimeLimitedDataSource(pool, limits::getObject);
                    return route(limited.apply(primary), properties, clock.getIfAvailable(Clock::systemUTC), limited);
                }
                return bean;
            }
        };
    }

    @Bean
    static MeterBinder readRoutingMetrics(ObjectProvider<DataSource> dataSource) {
        return registry -> {
            ReplicaRouting routing = routing(dataSource.getObject());
            routing.reads()
                    .forEach((target, count) -> FunctionCounter.builder(
                                    "dateline.datasource.reads", count, LongAdder::sum)
                            .description("Read-only transactions by the server that served them")
                            .tag("target", target)
                            .register(registry));
            routing.replicas()
                    .forEach(replica -> Gauge.builder(
                                    "dateline.datasource.replica.lag",
                                    replica,
                                    r -> r.lag() == null ? Double.NaN : r.lag().toNanos() / 1e9)
                            .description("How far the replica's replay is behind the primary (NaN while down)")
                            .baseUnit("seconds")
                            .tag("replica", replica.name())
                            .register(registry));
        };
    }

    static ReplicaRouting routing(DataSource dataSource) {
        try {
            return dataSource.unwrap(ReadRoutingDataSource.class).routing();
        } catch (SQLException ex) {
            throw new IllegalStateException("Replicas are configured but the DataSource does not route", ex);
        }
    }

    private static ReadRoutingDataSource route(
            DataSource primary, ReplicaProperties properties, Clock clock, UnaryOperator<DataSource> limited) {
        HikariConfig primaryConfig = primaryConfig(primary);
        List<Replica> replicas = new ArrayList<>();
        for (String url : properties.replicas()) {
            String name = "replica-" + (replicas.size() + 1);
            HikariConfig config = new HikariConfig();
            config.setPoolName("dateline-" + name);
            config.setJdbcUrl(url);
            config.setUsername(
                    properties.replicaUsername() != null ? properties.replicaUsername() : primaryConfig.getUsername());
            config.setPassword(
                    properties.replicaPassword() != null ? properties.replicaPassword() : primaryConfig.getPassword());
            Properties driver = new Properties();
            driver.putAll(primaryConfig.getDataSourceProperties());
            config.setDataSourceProperties(driver);
            config.setMaximumPoolSize(primaryConfig.getMaximumPoolSize());
            config.setConnectionTimeout(
                    Math.min(primaryConfig.getConnectionTimeout(), REPLICA_CONNECTION_TIMEOUT.toMillis()));
            config.setValidationTimeout(Math.min(primaryConfig.getValidationTimeout(), 1000));
            // a replica that is down at start-up must not keep the application from starting
            config.setInitializationFailTimeout(-1);
            config.setReadOnly(true);
            HikariDataSource pool = new HikariDataSource(config);
            replicas.add(new Replica(name, url, pool, limited.apply(pool)));
        }
        ReplicaRouting routing = new ReplicaRouting(
                primary, replicas, properties.replicaMaxLag(), properties.replicaCheckInterval(), clock);
        return new ReadRoutingDataSource(primary, routing);
    }

    private static HikariConfig primaryConfig(DataSource primary) {
        try {
            if (primary.isWrapperFor(HikariDataSource.class)) {
                return primary.unwrap(HikariDataSource.class);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not read the primary pool's settings", ex);
        }
        throw new IllegalStateException("Read replicas need the primary to be a Hikari pool");
    }

    static class ReplicasConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("dateline.datasource.replicas", Bindable.listOf(String.class))
                    .map(urls -> !urls.isEmpty())
                    .orElse(false);
        }
    }
}
