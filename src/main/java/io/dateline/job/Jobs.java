package io.dateline.job;

import io.dateline.platform.UniqueViolations;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Starts, shows, cancels and resumes jobs. Each feature reaches only the jobs of its own kinds, so
 * its URL rules decide who may see them.
 */
@Service
public class Jobs {

    private static final int LISTED = 50;

    private final JobStore store;

    private final JobRunner runner;

    private final Clock clock;

    Jobs(JobStore store, JobRunner runner, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.clock = clock;
    }

    /** Queues a job and hands it to the pool; 409 when a job of the same source is queued or running. */
    public JobResponse start(JobPlan.Factory factory, Map<String, String> parameters) {
        runner.factory(factory.kind());
        String source = factory.source(parameters);
        long id = oneActivePerSource(
                source, () -> store.insert(factory.kind(), source, parameters, runner.owner(), clock.instant()));
        runner.submit(id);
        return find(factory.kind(), id);
    }

    public JobResponse find(String kind, long id) {
        return store.find(id, clock.instant())
                .filter(job -> job.kind().equals(kind))
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    /** The latest jobs of a kind, newest first. */
    public List<JobResponse> list(String kind) {
        return store.list(kind, LISTED, clock.instant());
    }

    /**
     * A queued or interrupted job is CANCELLED at once; a running one stops after the unit in hand
     * (its view shows cancelRequested until then). 409 when the job has ended.
     */
    public JobResponse cancel(String kind, long id) {
        find(kind, id);
        if (!store.cancel(id, clock.instant())) {
            throw new JobConflictException(
                    "job-ended", "Job has ended", "Job " + id + " has ended; nothing to cancel.");
        }
        return find(kind, id);
    }

    /** Queues an INTERRUPTED job again; it goes on after its last recorded unit. */
    public JobResponse resume(String kind, long id) {
        JobResponse job = find(kind, id);
        boolean requeued = oneActivePerSource(job.source(), () -> store.requeue(id, runner.owner(), clock.instant()));
        if (!requeued) {
            throw new JobConflictException(
                    "job-not-interrupted",
                    "Job not interrupted",
                    "Only an INTERRUPTED job can be resumed; job " + id + " is "
                            + find(kind, id).state() + ".");
        }
        runner.submit(id);
        return find(kind, id);
    }

    private <T> T oneActivePerSource(String source, Supplier<T> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException ex) {
            if (UniqueViolations.isOn(ex, "job_one_active_per_source")) {
                JobConflictException busy = new JobConflictException(
                        "job-already-running",
                        "A job is already running",
                        "A job for " + source + " is queued or running; wait for it to end or cancel it.");
                store.findActive(source).ifPresent(active -> busy.with("jobId", active));
                throw busy;
            }
            throw ex;
        }
    }
}
