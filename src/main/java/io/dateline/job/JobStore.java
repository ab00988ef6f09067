package io.dateline.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The job table. Every change of state is one conditional update, so that instances cannot race. */
@Component
class JobStore {

    /** Enough to see what goes wrong; the count says how many failed in all. */
    static final int MAX_LISTED_FAILURES = 100;

    private static final int MAX_REASON = 500;

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {};

    private static final TypeReference<List<JobResponse.Failure>> FAILURES = new TypeReference<>() {};

    private final JdbcClient jdbc;

    private final JsonMapper json;

    JobStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Throws a DataIntegrityViolationException on job_one_active_per_source. */
    long insert(String kind, String source, Map<String, String> parameters, String owner, Instant now) {
        return jdbc.sql("""
                        insert into job (kind, source, parameters, state, owner, heartbeat_at, created_at)
                        values (:kind, :source, cast(:parameters as jsonb), 'QUEUED', :owner, :now, :now)
                        returning id
                        """)
                .param("kind", kind)
                .param("source", source)
                .param("parameters", json.writeValueAsString(parameters))
                .param("owner", owner)
                .param("now", utc(now))
                .query(Long.class)
                .single();
    }

    Optional<JobResponse> find(long id, Instant now) {
        return jdbc.sql("select * from job where id = :id")
                .param("id", id)
                .query((rs, row) -> map(rs, now))
                .optional();
    }

    Optional<Long> findActive(String source) {
        return jdbc.sql("select id from job where source = :source and state in ('QUEUED', 'RUNNING')")
                .param("source", source)
                .query(Long.class)
                .optional();
    }

    List<JobResponse> list(String kind, int limit, Instant now) {
        return jdbc.sql("select * from job where kind = :kind order by id desc limit :limit")
                .param("kind", kind)
                .param("limit", limit)
                .query((rs, row) -> map(rs, now))
                .list();
    }

    /** QUEUED to RUNNING as a new run; empty when it is no longer queued. */
    Optional<Integer> claim(long id, String owner, Instant now) {
        return jdbc.sql("""
                        update job
                           set state = 'RUNNING', owner = :owner, heartbeat_at = :now, run = run + 1,
                               started_at = coalesce(started_at, :now), run_started_at = :now,
                               run_units_at_start = units_done
                         where id = :id and state = 'QUEUED'
                        returning run
                        """)
                .param("id", id)
                .param("owner", owner)
                .param("now", utc(now))
                .query(Integer.class)
                .optional();
    }

    void total(long id, int total) {
        jdbc.sql("update job set units_total = :total where id = :id")
                .param("id", id)
                .param("total", total)
                .update();
    }

    boolean cancelRequested(long id) {
        return jdbc.sql("select cancel_requested from job where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** Records a unit as done; false when the job is no longer this run's (interrupted, resumed). */
    boolean unitDone(long id, String owner, int run, String unit, JobCounts counts, Instant now) {
        return jdbc.sql("""
                        update job
                           set units_done = units_done + 1, last_unit = :unit, heartbeat_at = :now,
                               inserted = inserted + :inserted, updated = updated + :updated,
                               unchanged = unchanged + :unchanged
                         where id = :id and state = 'RUNNING' and owner = :owner and run = :run
                        """)
                        .param("id", id)
                        .param("owner", owner)
                        .param("run", run)
                        .param("unit", unit)
                        .param("inserted", counts.inserted())
                        .param("updated", counts.updated())
                        .param("unchanged", counts.unchanged())
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    boolean unitFailed(long id, String owner, int run, String unit, String reason, Instant now) {
        return jdbc.sql("""
                        update job
                           set units_done = units_done + 1, last_unit = :unit, heartbeat_at = :now,
                               failure_count = failure_count + 1,
                               failures = case when jsonb_array_length(failures) < :max
                                               then failures || jsonb_build_array(
                                                       jsonb_build_object('unit', :unit, 'reason', :reason))
                                               else failures end
                         where id = :id and state = 'RUNNING' and owner = :owner and run = :run
                        """)
                        .param("id", id)
                        .param("owner", owner)
                        .param("run", run)
                        .param("unit", unit)
                        .param("reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
                        .param("max", MAX_LISTED_FAILURES)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** Ends this instance's running job: SUCCEEDED or FAILED by its failures, CANCELLED or INTERRUPTED. */
    void end(long id, String owner, int run, JobState state, String error, Instant now) {
        jdbc.sql("""
                        update job
                           set state = case when :state = 'SUCCEEDED' and failure_count > 0 then 'FAILED'
                                            else :state end,
                               error = :error, finished_at = :now, heartbeat_at = :now
                         where id = :id and state = 'RUNNING' and owner = :owner and run = :run
                        """)
                .param("id", id)
                .param("owner", owner)
                .param("run", run)
                .param("state", state.name())
                .param("error", error)
                .param("now", utc(now))
                .update();
    }

    /** A queued or interrupted job is cancelled at once; a running one when its unit in hand is done. */
    boolean cancel(long id, Instant now) {
        int cancelled = jdbc.sql("""
                        update job set state = 'CANCELLED', cancel_requested = true, finished_at = :now
                         where id = :id and state in ('QUEUED', 'INTERRUPTED')
                        """).param("id", id).param("now", utc(now)).update();
        return cancelled == 1
                || jdbc.sql("update job set cancel_requested = true where id = :id and state = 'RUNNING'")
                                .param("id", id)
                                .update()
                        == 1;
    }

    /** INTERRUPTED to QUEUED; throws on job_one_active_per_source when the source is busy. */
    boolean requeue(long id, String owner, Instant now) {
        return jdbc.sql("""
                        update job
                           set state = 'QUEUED', owner = :owner, heartbeat_at = :now, error = null,
                               finished_at = null
                         where id = :id and state = 'INTERRUPTED'
                        """)
                        .param("id", id)
                        .param("owner", owner)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    void beat(String owner, Instant now) {
        jdbc.sql("update job set heartbeat_at = :now where owner = :owner and state in ('QUEUED', 'RUNNING')")
                .param("owner", owner)
                .param("now", utc(now))
                .update();
    }

    /** Active jobs of an earlier life of this instance: that life is over, whatever its heartbeat says. */
    int interruptOwnedBy(String owner, String error, Instant now) {
        return jdbc.sql("""
                        update job set state = 'INTERRUPTED', error = :error, finished_at = :now
                         where state in ('QUEUED', 'RUNNING') and owner = :owner
                        """)
                .param("owner", owner)
                .param("error", error)
                .param("now", utc(now))
                .update();
    }

    /** Active jobs whose instance has been silent since {@code staleBefore}: it died. */
    int interruptSilentSince(Instant staleBefore, String error, Instant now) {
        return jdbc.sql("""
                        update job set state = 'INTERRUPTED', error = :error, finished_at = :now
                         where state in ('QUEUED', 'RUNNING') and heartbeat_at < :staleBefore
                        """)
                .param("staleBefore", utc(staleBefore))
                .param("error", error)
                .param("now", utc(now))
                .update();
    }

    /** A queued job that no thread will run. */
    void abandonQueued(long id, String error, Instant now) {
        jdbc.sql("""
                        update job set state = 'INTERRUPTED', error = :error, finished_at = :now
                         where id = :id and state = 'QUEUED'
                        """)
                .param("id", id)
                .param("error", error)
                .param("now", utc(now))
                .update();
    }

    private JobResponse map(ResultSet rs, Instant now) throws SQLException {
        JobState state = JobState.valueOf(rs.getString("state"));
        int done = rs.getInt("units_done");
        int total = rs.getInt("units_total");
        Instant runStartedAt = instant(rs.getObject("run_started_at", OffsetDateTime.class));
        int doneInRun = done - rs.getInt("run_units_at_start");
        Long secondsLeft = null;
        if (state == JobState.RUNNING && runStartedAt != null && doneInRun > 0 && total >= done) {
            long elapsed = Duration.between(runStartedAt, now).toMillis();
            secondsLeft = Math.round(elapsed / 1000.0 * (total - done) / doneInRun);
        }
        return new JobResponse(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("source"),
                json.readValue(rs.getString("parameters"), PARAMETERS),
                state,
                rs.getBoolean("cancel_requested"),
                new JobResponse.Progress(done, total, rs.getString("last_unit")),
                new JobResponse.Rows(rs.getInt("inserted"), rs.getInt("updated"), rs.getInt("unchanged")),
                rs.getInt("failure_count"),
                json.readValue(rs.getString("failures"), FAILURES),
                rs.getString("error"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("started_at", OffsetDateTime.class)),
                instant(rs.getObject("finished_at", OffsetDateTime.class)),
                secondsLeft);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
