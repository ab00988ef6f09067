package io.dateline.newsroom;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class PreconditionRequiredException extends ProblemException {

    PreconditionRequiredException() {
        super(
                HttpStatus.PRECONDITION_REQUIRED,
                "if-match-required",
                "If-Match required",
                "Send the article's current ETag in If-Match, so that an edit never overwrites one you have not seen.");
    }
}
