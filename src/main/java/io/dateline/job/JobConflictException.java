package io.dateline.job;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A job cannot be started, resumed or cancelled in its present state. */
class JobConflictException extends ProblemException {

    JobConflictException(String type, String title, String detail) {
        super(HttpStatus.CONFLICT, type, title, detail);
    }
}
