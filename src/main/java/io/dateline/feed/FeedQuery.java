package io.dateline.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one feed page asks for, after the request's filters and the reader's preferences are
 * composed: an article must be filed under at least one topic of every group in
 * {@code topicGroups} (a group is "any of"), under none of {@code excludedTopicIds}, and in one of
 * {@code languages} when that is not null (an empty set then matches nothing); {@code featured} and
 * {@code breaking}, when not null, ask for articles with (true) or without (false) that flag at the
 * page's "now".
 */
record FeedQuery(
        List<Set<Long>> topicGroups,
        Set<Long> excludedTopicIds,
        Set<String> languages,
        Instant since,
        Instant until,
        String source,
        String dateline,
        Boolean featured,
        Boolean breaking) {

    static final FeedQuery ALL = new FeedQuery(List.of(), Set.of(), null, null, null, null, null, null, null);

    /** The same query with one more "any of these topics" condition. */
    FeedQuery requireAnyOf(Set<Long> topicIds) {
        if (topicIds.isEmpty()) {
            return this;
        }
        List<Set<Long>> groups = new java.util.ArrayList<>(topicGroups);
        groups.add(Set.copyOf(topicIds));
        return new FeedQuery(groups, excludedTopicIds, languages, since, until, source, dateline, featured, breaking);
    }

    FeedQuery exclude(Set<Long> topicIds) {
        if (topicIds.isEmpty()) {
            return this;
        }
        Set<Long> excluded = new TreeSet<>(excludedTopicIds);
        excluded.addAll(topicIds);
        return new FeedQuery(
                topicGroups, Set.copyOf(excluded), languages, since, until, source, dateline, featured, breaking);
    }

    /** Narrows the languages: the result allows only what both allow. */
    FeedQuery inLanguages(Set<String> allowed) {
        if (allowed.isEmpty()) {
            return this;
        }
        Set<String> narrowed = new TreeSet<>(allowed);
        if (languages != null) {
            narrowed.retainAll(languages);
        }
        return new FeedQuery(
                topicGroups,
                excludedTopicIds,
                Set.copyOf(narrowed),
                since,
                until,
                source,
                dateline,
                featured,
                breaking);
    }

    FeedQuery between(Instant since, Instant until, String source, String dateline) {
        return new FeedQuery(
                topicGroups, excludedTopicIds, languages, since, until, source, dateline, featured, breaking);
    }

    FeedQuery flagged(Boolean featured, Boolean breaking) {
        return new FeedQuery(
                topicGroups, excludedTopicIds, languages, since, until, source, dateline, featured, breaking);
    }

    /**
     * True when only flagged articles can match: so few that reading them (a range of a partial
     * index) and testing topics on each is cheaper than walking a topic's stream for them.
     */
    boolean onlyFlagged() {
        return Boolean.TRUE.equals(featured) || Boolean.TRUE.equals(breaking);
    }

    /**
     * True when a filter other than topics narrows the stream: its values are checked to exist
     * before the page is read, and the read is time-limited.
     */
    boolean narrowed() {
        return languages != null || since != null || until != null || source != null || dateline != null;
    }

    /** True when no article can match, so no SQL needs to run. */
    boolean matchesNothing() {
        return (languages != null && languages.isEmpty())
                || topicGroups.stream().anyMatch(group -> group.stream().allMatch(excludedTopicIds::contains))
                || (since != null && until != null && !since.isBefore(until));
    }

    /**
     * A canonical text of the query, the same for equal queries whatever the order of their
     * parameters: a cursor is bound to it.
     */
    String canonical() {
        String groups = topicGroups.stream().map(FeedQuery::sorted).sorted().collect(Collectors.joining("&"));
        return "t=" + groups
                + ";x=" + sorted(excludedTopicIds)
                + ";l=" + (languages == null ? "*" : sorted(languages))
                + ";s=" + since
                + ";u=" + until
                + ";src=" + lower(source)
                + ";dl=" + lower(dateline)
                + ";f=" + featured
                + ";b=" + breaking;
    }

    private static String sorted(Set<?> values) {
        return values.stream()
                .map(String::valueOf)
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining(","));
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(java.util.Locale.ROOT);
    }
}
