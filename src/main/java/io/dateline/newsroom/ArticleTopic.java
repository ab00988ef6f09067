package io.dateline.newsroom;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A topic an article is filed under, referenced by id: topics are another feature's aggregate. */
@Embeddable
class ArticleTopic {

    @Column(name = "topic_id")
    private long topicId;

    @Column(name = "is_primary")
    private boolean primary;

    protected ArticleTopic() {}

    ArticleTopic(long topicId, boolean primary) {
        this.topicId = topicId;
        this.primary = primary;
    }

    long topicId() {
        return topicId;
    }

    boolean primary() {
        return primary;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArticleTopic that && topicId == that.topicId && primary == that.primary;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicId, primary);
    }
}
