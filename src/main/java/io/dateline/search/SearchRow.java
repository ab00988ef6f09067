package io.dateline.search;

import io.dateline.article.ArticleSummary;

/** One result as read for a page: the summary, the version its ETag part comes from, and highlights. */
record SearchRow(ArticleSummary summary, long version, Highlights highlights) {}
