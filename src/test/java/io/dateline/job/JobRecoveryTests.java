package io.dateline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a restart finds: the recovery that runs at startup, on the real job table. Rows stand for jobs
 * that other lives of the application left behind.
 */
@IntegrationTest
class JobRecoveryTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRecovery recovery;

    @Autowired
    JobConfiguration.JobOwner owner;

    @AfterEach
    void removeTheRows() {
        jdbc.sql("delete from job where source like 'test:%'").update();
    }

    @Test
    void atStartupJobsOfThisInstancesEarlierLifeAndOfSilentInstancesAreInterrupted() {
        long mine = running(owner.id(), Instant.now(), "test:mine");
        long silent = running("another-host:8080", Instant.now().minus(Duration.ofMinutes(10)), "test:silent");
        long alive = running("another-host:8080", Instant.now(), "test:alive");

        recovery.recoverAtStartup();

        assertThat(state(mine)).isEqualTo("INTERRUPTED");
        assertThat(state(silent)).isEqualTo("INTERRUPTED");
        assertThat(state(alive))
                .as("another instance's job that it still marks alive")
                .isEqualTo("RUNNING");
        assertThat(jdbc.sql("select error from job where id = :id")
                        .param("id", mine)
                        .query(String.class)
                        .single())
                .contains("resume");
    }

    @Test
    void theDatabaseAdmitsOneActiveJobPerSource() {
        running("host-a:8080", Instant.now(), "test:busy");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> running("host-b:8080", Instant.now(), "test:busy"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("job_one_active_per_source");
    }

    private long running(String instance, Instant heartbeat, String source) {
        return jdbc.sql("""
                        insert into job (kind, source, parameters, state, owner, heartbeat_at, created_at,
                                         started_at, units_total, units_done, last_unit)
                        values ('currency-backfill', :source, '{"source": "cbr", "from": "2024-01-01",
                                "to": "2024-01-31"}', 'RUNNING', :owner, :heartbeat, :heartbeat, :heartbeat, 31, 12,
                                '2024-01-12')
                        returning id
                        """)
                .param("source", source)
                .param("owner", instance)
                .param("heartbeat", heartbeat.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    private String state(long id) {
        return jdbc.sql("select state from job where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
