package io.dateline.reader;

import java.util.Set;

/**
 * A caller's feed preferences as the feed composes them into its query.
 *
 * @param followedTopicIds the feed shows any of these; empty means all topics
 * @param mutedTopicIds the feed never shows articles filed under any of these
 * @param languages the feed shows articles in these languages; empty means all
 */
public record FeedPreferences(
        boolean filterEnabled, Set<Long> followedTopicIds, Set<Long> mutedTopicIds, Set<String> languages) {

    public static final FeedPreferences NONE = new FeedPreferences(false, Set.of(), Set.of(), Set.of());
}
