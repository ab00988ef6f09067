package io.dateline;

import io.dateline.platform.EmbeddedPostgresAutoConfiguration;
import io.dateline.platform.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one database configuration every test that needs PostgreSQL imports. By default it is an
 * embedded PostgreSQL 17, started once per JVM on a throw-away directory and shared by all
 * contexts. With {@code -Ddateline.test.db=testcontainers}, or when a Docker engine answers and the
 * property is not {@code embedded}, it is Testcontainers' postgres:17 instead.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    @TestConfiguration(proxyBeanMethods = false)
    @Conditional(UseTestcontainers.class)
    static class Containerized {

        @Bean
        @ServiceConnection
        PostgreSQLContainer postgres() {
            return new PostgreSQLContainer("postgres:17.6");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Conditional(UseEmbedded.class)
    static class Embedded {

        @Bean
        JdbcConnectionDetails embeddedTestDatabase() {
            return new EmbeddedPostgresAutoConfiguration.EmbeddedConnectionDetails(
                    SharedEmbedded.SERVER.jdbcUrl(), SharedEmbedded.SERVER.password());
        }
    }

    /** Started on first use; stopped when the test JVM exits. */
    static final class SharedEmbedded {

        /** Room for every cached test context's pool (up to 10 each, see the surefire settings). */
        private static final int MAX_CONNECTIONS = 300;

        static final EmbeddedPostgresServer SERVER = start();

        private static EmbeddedPostgresServer start() {
            try {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                        Files.createTempDirectory("dateline-test-pg").resolve("data"), 0, true, MAX_CONNECTIONS);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
                return server;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /**
     * The shared embedded server itself, for a test that must reach it in its own way (through a
     * fault-injecting proxy); started on first use.
     */
    public static EmbeddedPostgresServer sharedEmbeddedServer() {
        return SharedEmbedded.SERVER;
    }

    static boolean useTestcontainers() {
        String choice = System.getProperty("dateline.test.db", "auto");
        return switch (choice) {
            case "testcontainers" -> true;
            case "embedded" -> false;
            default -> dockerMayRun() && DockerClientFactory.instance().isDockerAvailable();
        };
    }

    /** Cheap pre-check, so that machines without Docker do not pay for (and log) a failed probe. */
    private static boolean dockerMayRun() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }

    static class UseTestcontainers implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return useTestcontainers();
        }
    }

    static class UseEmbedded implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !useTestcontainers();
        }
    }
}
