package io.dateline.search;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A search waited longer than {@code dateline.search.queue-wait} for its turn (see {@link SearchAdmission}). */
class SearchBusyException extends ProblemException {

    SearchBusyException() {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "search-busy",
                "Search is busy",
                "More searches are running than the service takes at once; try again shortly.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }
}
