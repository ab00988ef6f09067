package io.dateline.article;

import java.util.List;

/** @param nextCursor absent until the feed's cursor paging arrives */
record ArticleList<T>(List<T> items, String nextCursor) {

    static <T> ArticleList<T> of(List<T> items) {
        return new ArticleList<>(items, null);
    }
}
