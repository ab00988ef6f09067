package io.dateline.search;

import java.util.List;

/** Suggestions for a typed prefix: matching topics first, then headlines, at most the limit asked. */
public record SuggestionResponse(List<Suggestion> items) {}
