package io.dateline.newsroom;

import io.dateline.topic.TopicRef;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Topic ids of an article turned into slugs, primary first, then by name. */
record TopicNames(Map<Long, TopicRef> byId) {

    List<String> slugs(Article article) {
        return article.topics().stream()
                .filter(topic -> byId.containsKey(topic.topicId()))
                .sorted(Comparator.comparing((ArticleTopic topic) -> !topic.primary())
                        .thenComparing(topic -> byId.get(topic.topicId()).name()))
                .map(topic -> byId.get(topic.topicId()).slug())
                .toList();
    }

    String primarySlug(Article article) {
        return article.topics().stream()
                .filter(ArticleTopic::primary)
                .map(topic -> byId.get(topic.topicId()))
                .filter(ref -> ref != null)
                .map(TopicRef::slug)
                .findFirst()
                .orElse(null);
    }
}
