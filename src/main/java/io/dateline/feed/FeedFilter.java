package io.dateline.feed;

import java.time.Instant;
import java.util.List;

/**
 * The filters a client put on a stream request, before they are resolved and composed.
 *
 * @param featured true: only featured articles; false: none of them; null: no condition
 * @param breaking true: only breaking news; false: none of it; null: no condition
 */
record FeedFilter(
        List<String> topics,
        List<String> excludeTopics,
        List<String> languages,
        Instant since,
        Instant until,
        String source,
        String dateline,
        Boolean featured,
        Boolean breaking) {

    static FeedFilter none() {
        return new FeedFilter(List.of(), List.of(), List.of(), null, null, null, null, null, null);
    }

    FeedFilter withTopic(String slug) {
        List<String> all = new java.util.ArrayList<>(topics);
        all.add(slug);
        return new FeedFilter(all, excludeTopics, languages, since, until, source, dateline, featured, breaking);
    }
}
