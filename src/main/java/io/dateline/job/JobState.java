package io.dateline.job;

/**
 * Where a job stands. SUCCEEDED and FAILED both mean every unit was tried; FAILED says some failed
 * (each failed unit changed nothing). INTERRUPTED means it stopped early without being asked to (the
 * application stopped or died, or an unexpected error) and can be resumed.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    INTERRUPTED;

    boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
