package io.dateline.search;

import java.util.Locale;

enum SearchSort {
    /** Best match first, blended with recency; the newest matches only (see SearchProperties). */
    RELEVANCE,
    /** Newest first, through every match. */
    DATE;

    static SearchSort of(String value) {
        return value == null ? RELEVANCE : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
