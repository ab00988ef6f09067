package io.dateline.topic;

import java.time.Instant;
import java.util.Map;

/**
 * How articles use topics, answered by the article feature. The interface lives here (and the
 * implementation there) so that topics can count and reassign articles without depending on them:
 * articles already depend on topics, and the other direction would be a cycle.
 */
public interface TopicAssignments {

    /** Topic id to the number of articles visible to the public at {@code now}, in one query. */
    Map<Long, Long> countPublished(Instant now);

    long countPublished(long topicId, Instant now);

    /** Articles of any status filed under the topic. */
    long countAll(long topicId);

    /** Files every article of {@code fromTopicId} under {@code toTopicId} instead. */
    void reassign(long fromTopicId, long toTopicId);
}
