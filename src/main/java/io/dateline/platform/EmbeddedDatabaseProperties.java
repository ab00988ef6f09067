package io.dateline.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the cluster keeps its files; survives restarts
 * @param port TCP port on the loopback interface, 0 for any free port
 */
@ConfigurationProperties("dateline.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./.dateline/pgdata") Path dataDir,
        @DefaultValue("0") int port) {}
