package io.dateline.newsroom;

import java.util.List;

/** One page of an editors' list; pass nextCursor back as cursor, with the same filters, for the next. */
record EditorPage(List<EditorArticleSummary> items, String nextCursor) {}
