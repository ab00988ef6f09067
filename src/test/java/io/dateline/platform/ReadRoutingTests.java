package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.TestSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read routing on a real streaming replica: the whole application runs on a primary and a hot
 * standby fed by WAL streaming ({@link StreamingReplication}). The order matters: the replica is
 * paused, then lost, then brought back.
 */
@SpringBootTest(
        properties = {
            "dateline.datasource.replica-max-lag=4s",
            "dateline.datasource.replica-check-interval=200ms",
            "dateline.cursor.secret=read-routing-tests-shared-cursor-secret"
        })
@AutoConfigureMockMvc
@Import(TestSecurity.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadRoutingTests {

    private static final StreamingReplication replication = StreamingReplication.start();

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", replication::primaryUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("dateline.datasource.replicas", replication::standbyUrl);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stop() {
        replication.close();
    }

    @Test
    @Order(1)
    void anonymousReadsGoToTheReplicaAndEverythingElseToThePrimary() throws Exception {
        awaitReplica(Replica.State.IN_ROTATION);
        assertThat(readOnlyOnStandby()).isTrue();
        assertThat(readWriteOnStandby()).isFalse();

        double before = reads("replica-1");
        mvc.perform(get("/api/v1/topics")).andExpect(status().isOk());
        assertThat(reads("replica-1")).isEqualTo(before + 1);
    }

    @Test
    @Order(2)
    void theWriterReadsTheirOwnWriteWhileTheReplicaIsBehind() throws Exception {
        awaitReplica(Replica.State.IN_ROTATION);
        String editor = "Bearer " + tokens.editor();
        pauseReplay();
        String slug = "breaking-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/newsroom/topics")
                        .header("Authorization", editor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"" + slug + "\",\"name\":\"Breaking\"}"))
                .andExpect(status().isCreated());

        double primaryBefore = reads(ReplicaRouting.PRIMARY);
        mvc.perform(get("/api/v1/topics/{slug}", slug).header("Authorization", editor))
                .andExpect(status().isOk());
        assertThat(reads(ReplicaRouting.PRIMARY)).isEqualTo(primaryBefore + 1);
        // the replica is still in rotation (within the lag allowed) and has not replayed the write
        assertThat(replica().state()).isEqualTo(Replica.State.IN_ROTATION);
        mvc.perform(get("/api/v1/topics/{slug}", slug)).andExpect(status().isNotFound());

        resumeReplay();
        await(() -> {
            try {
                return mvc.perform(get("/api/v1/topics/{slug}", slug))
                                .andReturn()
                                .getResponse()
                                .getStatus()
                        == 200;
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    @Test
    @Order(3)
    void aReplicaBehindTheMaximumLagLeavesTheRotationUntilItCatchesUp() throws Exception {
        awaitReplica(Replica.State.IN_ROTATION);
        pauseReplay();
        new JdbcTemplate(dataSource).execute("create table if not exists routing_probe (at timestamptz)");
        new JdbcTemplate(dataSource).update("insert into routing_probe values (now())");

        awaitReplica(Replica.State.LAGGING);
        assertThat(replica().lag()).isGreaterThan(Duration.ofSeconds(4));
        assertThat(readOnlyOnStandby()).isFalse();
        mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.replicas.details.replica-1.state")
                        .value("LAGGING"));

        resumeReplay();
        awaitReplica(Replica.State.IN_ROTATION);
        assertThat(readOnlyOnStandby()).isTrue();
    }

    @Test
    @Order(4)
    void readsSurviveTheLossOfTheReplica() throws Exception {
        awaitReplica(Replica.State.IN_ROTATION);
        replication.stopStandby();

        // right away, before the checker notices: the read falls back instead of failing
        for (int i = 0; i < 5; i++) {
            assertThat(readOnlyOnStandby()).isFalse();
            mvc.perform(get("/api/v1/topics")).andExpect(status().isOk());
        }
        awaitReplica(Replica.State.DOWN);
        mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + tokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.replicas.details.replica-1.state")
                        .value("DOWN"));

        replication.startStandby();
        awaitReplica(Replica.State.IN_ROTATION);
        assertThat(readOnlyOnStandby()).isTrue();
    }

    private boolean readOnlyOnStandby() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> inRecovery());
    }

    private boolean readWriteOnStandby() {
        return new TransactionTemplate(transactions).execute(status -> inRecovery());
    }

    private boolean inRecovery() {
        return new JdbcTemplate(dataSource).queryForObject("select pg_is_in_recovery()", Boolean.class);
    }

    private double reads(String target) {
        return meters.get("dateline.datasource.reads")
                .tag("target", target)
                .functionCounter()
                .count();
    }

    private Replica replica() {
        return ReadRoutingConfiguration.routing(dataSource).replicas().get(0);
    }

    private void awaitReplica(Replica.State state) {
        await(() -> replica().state() == state);
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    private static void pauseReplay() throws SQLException {
        onStandby("select pg_wal_replay_pause()");
    }

    private static void resumeReplay() throws SQLException {
        onStandby("select pg_wal_replay_resume()");
    }

    private static void onStandby(String sql) throws SQLException {
        try (Connection connection = replication.standbyConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
