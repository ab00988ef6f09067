package io.dateline.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the long bean-creation chain of a locked data directory into two readable sentences. */
class EmbeddedDatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseInUseException cause) {
        return new FailureAnalysis(
                "Another Dateline instance is already using the embedded database in " + cause.dataDir() + ".",
                "Stop the other instance, or start this one with its own --dateline.embedded-db.data-dir=...,"
                        + " or point spring.datasource.url at a PostgreSQL server.",
                cause);
    }
}
