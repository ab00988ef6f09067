package io.dateline.search;

/**
 * Which articles a search looks at. The public sees {@link #PUBLISHED} only; editors may ask for
 * the others under /api/v1/newsroom/search. Drafts and archived articles have no public time, so they are
 * ordered (and aged, and filtered by since/until) by their last change, as the editors' lists are.
 */
enum SearchScope {
    PUBLISHED("a.status = 'PUBLISHED' and a.published_at <= :now", "a.published_at", "s.published_at <= :now"),
    SCHEDULED("a.status = 'PUBLISHED' and a.published_at > :now", "a.published_at", "s.published_at > :now"),
    DRAFT("a.status = 'DRAFT'", "a.updated_at", null),
    ARCHIVED("a.status = 'ARCHIVED'", "a.updated_at", null);

    /** The condition on article {@code a}. */
    final String condition;

    /** The column that orders results and that since/until and recency refer to. */
    final String timeColumn;

    /**
     * The same condition on article_topic {@code s}, whose published_at copies the article's while
     * it is published (kept by triggers), so that a topic's articles are walked in order through
     * article_topic_stream_idx; null where article_topic has no time to walk.
     */
    final String streamCondition;

    SearchScope(String condition, String timeColumn, String streamCondition) {
        this.condition = condition;
        this.timeColumn = timeColumn;
        this.streamCondition = streamCondition;
    }

    boolean streamed() {
        return streamCondition != null;
    }
}
