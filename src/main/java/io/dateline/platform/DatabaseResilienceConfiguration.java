package io.dateline.platform;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fail fast, recover alone: every connection gets the time limits of its class of work, and
 * readiness asks the database with a time limit of its own. The pool and driver settings that
 * complete the picture (connection, validation and socket timeouts) live in application.properties.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseResilienceConfiguration {

    @Bean
    static BeanPostProcessor timeLimitedDataSource(ObjectProvider<DatabaseProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // the read router limits each of its pools itself (ReadRoutingConfiguration)
                return bean instanceof DataSource pool
                                && !(bean instanceof TimeLimitedDataSource)
                                && !(bean instanceof ReadRoutingDataSource)
                        ? new TimeLimitedDataSource(pool, properties::getObject)
                        : bean;
            }
        };
    }

    /** Named so that Boot's own "db" indicator, which can wait forever, backs off. */
    @Bean
    DatabaseHealthIndicator dbHealthContributor(DataSource dataSource, DatabaseProperties properties) {
        return new DatabaseHealthIndicator(dataSource, properties.readinessTimeout());
    }
}
