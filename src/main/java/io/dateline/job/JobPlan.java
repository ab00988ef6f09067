package io.dateline.job;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The work of one job as an ordered list of units, rebuilt from the job's parameters whenever the job
 * runs (also when it resumes after a restart).
 *
 * @param <F> what fetching a unit yields
 */
public interface JobPlan<F> {

    /** The units still to do after the given one (all of them when it is null), in order. */
    List<String> unitsAfter(@Nullable String lastUnit);

    /** Network work, outside any transaction. Throws {@link UnitFailedException} when the unit fails. */
    F fetch(String unit);

    /** Stores a fetched unit, inside the transaction that also records the unit as done. */
    JobCounts store(String unit, F fetched);

    /** A unit failed; runs inside the transaction that records the failure. */
    default void failed(String unit, String reason) {}

    /** Every unit was tried; {@code job} is the final view. */
    default void finished(JobResponse job) {}

    /** Builds a plan from a job's parameters. */
    interface Factory {

        /** The kind of job, e.g. "currency-backfill"; stored with each job. */
        String kind();

        /** At most one job per source is queued or running, e.g. "currency:cbr". */
        String source(Map<String, String> parameters);

        JobPlan<?> plan(Map<String, String> parameters);
    }
}
