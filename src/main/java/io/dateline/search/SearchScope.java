package io.dateline.search;

/**
 * Which articles a search looks at. The public sees {@link #PUBLISHED} only; editors may ask for
 * the others under /api/v1/newsroom/search. Drafts and archived articles have no public time, so they are
 * ordered (and aged, and filtered by since/until) by their last change, as the editors' lists are.
 * Each scope reads article's own set-returning functions (migration V97), which PostgreSQL inlines:
 * the rule of what is visible stays article's.
 */
enum SearchScope {
    PUBLISHED("visible_article(:now)", "a.published_at", "visible_article_topic(:now)"),
    SCHEDULED("scheduled_article(:now)", "a.published_at", "scheduled_article_topic(:now)"),
    DRAFT("article_in_status('DRAFT')", "a.updated_at", null),
    ARCHIVED("article_in_status('ARCHIVED')", "a.updated_at", null);

    /** The articles in the scope, read as {@code <articles> a}. */
    final String articles;

    /** The column that orders results and that since/until and recency refer to. */
    final String timeColumn;

    /**
     * The topic links of the scope's articles, read as {@code <streams> s}, whose published_at
     * copies the article's while it is published, so that a topic's articles are walked in order
     * through article_topic_stream_idx; null where the links have no time to walk.
     */
    final String streams;

    SearchScope(String articles, String timeColumn, String streams) {
        this.articles = articles;
        this.timeColumn = timeColumn;
        this.streams = streams;
    }

    boolean streamed() {
        return streams != null;
    }
}
