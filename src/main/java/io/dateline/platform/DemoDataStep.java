package io.dateline.platform;

/**
 * A step of the demo data set that SQL cannot express (e.g. generated pictures), contributed by a
 * feature as a bean. The demo loader runs it once, in version order with the scripts of db/demo,
 * and records it in the same history. Deliberately not a Flyway JavaMigration bean: Spring Boot
 * would hand those to the schema's own Flyway.
 */
public interface DemoDataStep {

    /** Its place among the db/demo scripts, e.g. "30" runs after V20__*.sql. */
    String version();

    String description();

    void load();
}
