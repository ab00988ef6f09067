package io.dateline.search;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A relevance-sorted search was paged past the results it ranks. */
class SearchTooDeepException extends ProblemException {

    SearchTooDeepException(int window) {
        super(
                HttpStatus.BAD_REQUEST,
                "search-too-deep",
                "Search results too deep",
                "Relevance-sorted results end after the first " + window + " results. Add words or filters to"
                        + " narrow the search, or use sort=date, which pages through every match.");
        with("maxResults", window);
    }
}
