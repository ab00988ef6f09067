package io.dateline.article;

import io.dateline.topic.TopicAssignments;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the topic feature's questions about articles; see {@link TopicAssignments}. */
@Component
class ArticleTopicAssignments implements TopicAssignments {

    private final ArticleQueries queries;

    ArticleTopicAssignments(ArticleQueries queries) {
        this.queries = queries;
    }

    @Override
    public Map<Long, Long> countPublished(Instant now) {
        return queries.countPublishedByTopic(now);
    }

    @Override
    public long countPublished(long topicId, Instant now) {
        return queries.countPublished(topicId, now);
    }

    @Override
    public long countAll(long topicId) {
        return queries.countAll(topicId);
    }

    @Override
    @Transactional
    public void reassign(long fromTopicId, long toTopicId) {
        queries.reassignTopic(fromTopicId, toTopicId);
    }
}
