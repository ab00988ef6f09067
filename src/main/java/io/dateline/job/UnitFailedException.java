package io.dateline.job;

/**
 * One unit of a job failed and changed nothing; the job records the message (which must be safe to
 * show to the job's users) and goes on with the next unit.
 */
public class UnitFailedException extends RuntimeException {

    public UnitFailedException(String message) {
        super(message);
    }
}
