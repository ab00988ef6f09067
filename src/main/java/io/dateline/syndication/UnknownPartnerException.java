package io.dateline.syndication;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A request body names a partner that does not exist: the request is well-formed, its content is not. */
class UnknownPartnerException extends ProblemException {

    UnknownPartnerException(long partnerId) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-partner",
                "Unknown partner",
                "No partner has id " + partnerId + ".");
        with("partnerId", partnerId);
    }
}
