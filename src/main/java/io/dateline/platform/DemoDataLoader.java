package io.dateline.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data set: SQL scripts in {@code classpath:db/demo}, applied by a second Flyway
 * with its own history table, so the demo never mixes with the schema's migrations, each script
 * runs once, and a script added later still reaches an existing developer database. Steps that SQL
 * cannot do (media's generated lead images) are {@link DemoDataStep} beans of the features, run in
 * the same sequence by their version. Runs once every singleton exists, so after the schema
 * migration and before the application accepts traffic.
 */
@Component
class DemoDataLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    static final String LOCATION = "classpath:db/demo";

    static final String HISTORY_TABLE = "flyway_demo_history";

    private final DataSource dataSource;

    private final DemoDataProperties properties;

    private final ObjectProvider<EmbeddedPostgresServer> embedded;

    private final ObjectProvider<DemoDataStep> steps;

    DemoDataLoader(
            DataSource dataSource,
            DemoDataProperties properties,
            ObjectProvider<EmbeddedPostgresServer> embedded,
            ObjectProvider<DemoDataStep> steps) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.embedded = embedded;
        this.steps = steps;
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
                .javaMigrations(steps.orderedStream().map(StepMigration::new).toArray(JavaMigration[]::new))
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

    /** A step as Flyway runs it: no checksum, since the step is code whose output may vary. */
    private record StepMigration(DemoDataStep step) implements JavaMigration {

        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion(step.version());
        }

        @Override
        public String getDescription() {
            return step.description();
        }

        @Override
        public Integer getChecksum() {
            return null;
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Context context) {
            step.load();
        }
    }
}
