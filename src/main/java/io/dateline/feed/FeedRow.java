package io.dateline.feed;

import io.dateline.article.ArticleSummary;

/** One article of a page, with the version that the page's ETag is computed from. */
record FeedRow(ArticleSummary summary, long version, FeedPosition position) {}
