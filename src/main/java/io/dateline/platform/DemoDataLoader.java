package io.dateline.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data set: SQL scripts in {@code classpath:db/demo}, applied by a second Flyway
 * with its own history table, so the demo never mixes with the schema's migrations, each script
 * runs once, and a script added later still reaches an existing developer database. Runs once every
 * singleton exists, so after the schema migration and before the application accepts traffic.
 */
@Component
class DemoDataLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    static final String LOCATION = "classpath:db/demo";

    static final String HISTORY_TABLE = "flyway_demo_history";

    private final DataSource dataSource;

    private final DemoDataProperties properties;

    private final ObjectProvider<EmbeddedPostgresServer> embedded;

    DemoDataLoader(
            DataSource dataSource, DemoDataProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.embedded = embedded;
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean enabled = properties.enabled() != null ? properties.enabled() : embedded.getIfAvailable() != null;
        if (!enabled) {
            return;
        }
        int applied = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
        if (applied > 0) {
            log.info("Loaded {} demo data script(s) from {}", applied, LOCATION);
        }
    }
}
