package io.dateline.job;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs jobs on the job pool, one unit after the other. Between units it stops when asked to
 * (CANCELLED) or when the application stops (INTERRUPTED); each unit's rows and its record in the
 * job commit together, so a job never stops in the middle of a unit and resumes after the last one
 * that committed.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;

    private final Map<String, JobPlan.Factory> factories;

    private final TaskExecutor jobExecutor;

    private final TransactionTemplate transactions;

    private final StopSignal stop;

    private final String owner;

    private final Clock clock;

    JobRunner(
            JobStore store,
            List<JobPlan.Factory> factories,
            @Qualifier("jobExecutor") TaskExecutor jobExecutor,
            TransactionTemplate transactions,
            StopSignal stop,
            JobConfiguration.JobOwner owner,
            Clock clock) {
        this.store = store;
        this.factories = factories.stream().collect(Collectors.toMap(JobPlan.Factory::kind, Function.identity()));
        this.jobExecutor = jobExecutor;
        this.transactions = transactions;
        this.stop = stop;
        this.owner = owner.id();
        this.clock = clock;
    }

    String owner() {
        return owner;
    }

    JobPlan.Factory factory(String kind) {
        JobPlan.Factory factory = factories.get(kind);
        if (factory == null) {
            throw new IllegalStateException("No job plan for kind " + kind);
        }
        return factory;
    }

    /** Hands a QUEUED job of this instance to the pool. */
    void submit(long id) {
        try {
            jobExecutor.execute(() -> run(id));
        } catch (TaskRejectedException ex) {
            store.abandonQueued(id, "the application is stopping; resume to continue", clock.instant());
            throw new JobsUnavailableException();
        }
    }

    void run(long id) {
        Integer run = store.claim(id, owner, clock.instant()).orElse(null);
        if (run == null) {
            return;
        }
        JobResponse job = store.find(id, clock.instant()).orElseThrow();
        try {
            runUnits(job, run, factory(job.kind()).plan(job.parameters()));
        } catch (RuntimeException ex) {
            log.error("Job {} ({}) stopped unexpectedly; it can be resumed", id, job.kind(), ex);
            store.end(
                    id,
                    owner,
                    run,
                    JobState.INTERRUPTED,
                    "stopped by an unexpected error; resume to continue",
                    clock.instant());
        }
    }

    private <F> void runUnits(JobResponse job, int run, JobPlan<F> plan) {
        long id = job.id();
        List<String> units = plan.unitsAfter(job.progress().lastUnit());
        store.total(id, job.progress().done() + units.size());
        for (String unit : units) {
            if (stop.raised()) {
                log.info("Job {} stops before {}: the application is stopping", id, unit);
                store.end(
                        id,
                        owner,
                        run,
                        JobState.INTERRUPTED,
                        "the application stopped; resume to continue",
                        clock.instant());
                return;
            }
            if (store.cancelRequested(id)) {
                log.info("Job {} cancelled before {}", id, unit);
                store.end(id, owner, run, JobState.CANCELLED, null, clock.instant());
                return;
            }
            if (!runUnit(id, run, plan, unit)) {
                log.warn("Job {} was interrupted or resumed elsewhere; this run stops", id);
                return;
            }
        }
        // before the job shows as ended, so that whoever sees it ended also sees what finishing records
        store.find(id, clock.instant()).ifPresent(plan::finished);
        store.end(id, owner, run, JobState.SUCCEEDED, null, clock.instant());
    }

    private <F> boolean runUnit(long id, int run, JobPlan<F> plan, String unit) {
        F fetched;
        try {
            fetched = plan.fetch(unit);
        } catch (UnitFailedException failure) {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                plan.failed(unit, failure.getMessage());
                boolean recorded = store.unitFailed(id, owner, run, unit, failure.getMessage(), clock.instant());
                if (!recorded) {
                    status.setRollbackOnly();
                }
                return recorded;
            }));
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            JobCounts counts = plan.store(unit, fetched);
            boolean recorded = store.unitDone(id, owner, run, unit, counts, clock.instant());
            if (!recorded) {
                status.setRollbackOnly();
            }
            return recorded;
        }));
    }
}
