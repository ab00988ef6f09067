package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class SharedSettingsCheckTests {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void aSingleInstanceStartsWithAPerProcessCursorKey() {
        contexts.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void severalInstancesRefuseToStartWithoutASharedCursorSecret() {
        contexts.withPropertyValues("dateline.cluster.instances=3").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .contains("dateline.cursor.secret must be set explicitly")
                    .contains("dateline.cluster.instances=3");
            assertThat(analysis.getAction()).contains("DATELINE_CURSOR_SECRET");
        });
    }

    @Test
    void readReplicasAloneDeclareSeveralInstances() {
        contexts.withPropertyValues("dateline.datasource.replicas=jdbc:postgresql://replica-1:5432/dateline")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(analysis(context.getStartupFailure()).getDescription())
                            .contains("1 read replica(s)");
                });
    }

    @Test
    void severalInstancesStartWithASharedCursorSecret() {
        contexts.withPropertyValues("dateline.cluster.instances=3", "dateline.cursor.secret=" + "s".repeat(32))
                .run(context -> assertThat(context).hasNotFailed());
    }

    private static FailureAnalysis analysis(Throwable failure) {
        FailureAnalysis analysis = new UnsharedSettingFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        return analysis;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ClusterProperties.class, ReplicaProperties.class, CursorProperties.class})
    @Import(SharedSettingsCheck.class)
    static class Settings {}
}
