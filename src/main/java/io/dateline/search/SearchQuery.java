package io.dateline.search;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One search, resolved: the text as PostgreSQL will read it (web-search syntax, always a bound
 * parameter), where to look and how to order. {@code languages} null means every language;
 * {@code topicIds} empty means any topic.
 */
record SearchQuery(
        String text,
        SearchSort sort,
        SearchScope scope,
        Set<String> languages,
        Set<Long> topicIds,
        Set<Long> excludedTopicIds,
        Instant since,
        Instant until,
        String source,
        String dateline) {

    /**
     * Control characters, which PostgreSQL's text type refuses (NUL) or which only disturb; they
     * become spaces like any other separator.
     */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}+");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    SearchQuery {
        languages = languages == null ? null : Set.copyOf(languages);
        topicIds = Set.copyOf(topicIds);
        excludedTopicIds = Set.copyOf(excludedTopicIds);
    }

    /** The text of a {@code q} parameter as searched: NFC, no control characters, single spaces. */
    static String normalize(String q) {
        String text = Normalizer.normalize(q, Normalizer.Form.NFC);
        text = CONTROL.matcher(text).replaceAll(" ");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** The text with its Cyrillic words in Latin letters, when it has any (see {@link Transliteration}). */
    Optional<String> latinSpelling() {
        String latin = Transliteration.toLatin(text);
        return latin.equals(text) ? Optional.empty() : Optional.of(latin);
    }

    /** The text with its Latin words in Cyrillic letters, when it has any. */
    Optional<String> cyrillicSpelling() {
        String cyrillic = Transliteration.toCyrillic(text);
        return cyrillic.equals(text) ? Optional.empty() : Optional.of(cyrillic);
    }

    /** True when no article can match, so that no SQL needs to run. */
    boolean matchesNothing() {
        return (languages != null && languages.isEmpty())
                || (!topicIds.isEmpty() && excludedTopicIds.containsAll(topicIds))
                || (since != null && until != null && !since.isBefore(until));
    }

    /**
     * A canonical text of the search, the same for equal searches whatever the order of their
     * parameters: a cursor is bound to it, so it cannot page another search.
     */
    String canonical() {
        return "q=" + text
                + ";o=" + sort
                + ";st=" + scope
                + ";l=" + (languages == null ? "*" : sorted(languages))
                + ";t=" + sorted(topicIds)
                + ";x=" + sorted(excludedTopicIds)
                + ";s=" + since
                + ";u=" + until
                + ";src=" + lower(source)
                + ";dl=" + lower(dateline);
    }

    List<String> languageList() {
        return languages == null ? List.of() : List.copyOf(new TreeSet<>(languages));
    }

    private static String sorted(Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
