package io.dateline.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.util.unit.DataSize;

class PartnerImportScheduleTests {

    @Test
    void registersTheImportOnTheConfiguredCronOnly() {
        PartnerProperties properties = new PartnerProperties(new PartnerProperties.Import(
                true, "0 5 * * * *", Duration.ofSeconds(5), Duration.ofSeconds(10), DataSize.ofMegabytes(2), 100));
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

        new PartnerImportSchedule(
                        Mockito.mock(Partners.class), properties, Mockito.mock(io.dateline.platform.ClusterLocks.class))
                .configureTasks(registrar);

        assertThat(registrar.getCronTaskList())
                .singleElement()
                .satisfies(task -> assertThat(task.getExpression()).isEqualTo("0 5 * * * *"));
        assertThat(registrar.getFixedDelayTaskList()).isEmpty();
        assertThat(registrar.getFixedRateTaskList()).isEmpty();
    }
}
