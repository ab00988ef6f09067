package io.dateline.job;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The pool refuses new work while the application stops; the job is left for a resume. */
class JobsUnavailableException extends ProblemException {

    JobsUnavailableException() {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "jobs-unavailable",
                "Jobs unavailable",
                "The application is stopping and takes no new job; resume the job later.");
    }
}
