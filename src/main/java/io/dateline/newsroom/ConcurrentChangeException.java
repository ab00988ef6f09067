package io.dateline.newsroom;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A write lost a race that no precondition covers (a topic deleted while an article was being filed
 * under it, say): nothing was changed, and sending the request again resolves it.
 */
class ConcurrentChangeException extends ProblemException {

    ConcurrentChangeException() {
        super(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Concurrent change",
                "The request conflicted with a change made at the same time and was not applied. Send it again.");
    }
}
