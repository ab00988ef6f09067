/**
 * Long work as jobs: an import that takes one download per day or per feed runs on a small pool
 * ({@code dateline.jobs}), not on the request thread. A feature describes its work as a
 * {@link io.dateline.job.JobPlan} of units (a day, a feed), each fetched outside any transaction and
 * stored in the same transaction that records it as done; so a job shows its progress, stops between
 * units when cancelled or when the application stops, and resumes after the last unit it recorded.
 * The database keeps the jobs and allows one queued or running job per source.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Jobs",
        allowedDependencies = {"platform"})
package io.dateline.job;
