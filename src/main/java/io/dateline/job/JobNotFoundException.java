package io.dateline.job;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class JobNotFoundException extends ProblemException {

    JobNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "job-not-found", "Job not found", "No job of this kind has id " + id + ".");
        with("jobId", id);
    }
}
