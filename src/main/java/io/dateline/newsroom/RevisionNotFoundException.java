package io.dateline.newsroom;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class RevisionNotFoundException extends ProblemException {

    RevisionNotFoundException(long id, long version) {
        super(
                HttpStatus.NOT_FOUND,
                "revision-not-found",
                "Revision not found",
                "Article " + id + " has no revision " + version + ".");
    }
}
