package io.dateline.platform;

import java.nio.file.Path;

/** A second process tried to start the embedded PostgreSQL on a data directory already in use. */
public class EmbeddedDatabaseInUseException extends IllegalStateException {

    private final Path dataDir;

    EmbeddedDatabaseInUseException(Path dataDir) {
        super("Another Dateline instance is already using the embedded database in " + dataDir
                + ". Stop it first, or give this one its own directory with dateline.embedded-db.data-dir,"
                + " or point spring.datasource.url at a PostgreSQL server.");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
