package io.dateline.newsroom;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An editor-chosen link to another article. Kept with an explicit position rather than a list
 * index: purging the other article deletes the row in the database, and gaps must not matter.
 */
@Embeddable
class RelatedArticle {

    @Column(name = "related_id")
    private long relatedId;

    private int position;

    protected RelatedArticle() {}

    RelatedArticle(long relatedId, int position) {
        this.relatedId = relatedId;
        this.position = position;
    }

    long relatedId() {
        return relatedId;
    }
}
