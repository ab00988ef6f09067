package io.dateline.search;

import io.dateline.article.PublishedFacets;
import io.dateline.platform.Cursors;
import io.dateline.platform.ETags;
import io.dateline.platform.InvalidCursorException;
import io.dateline.platform.StatementTimeoutException;
import io.dateline.search.SearchRepository.Access;
import io.dateline.search.SearchRepository.Candidate;
import io.dateline.search.SearchRepository.Found;
import io.dateline.search.SearchRepository.Terms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs searches and pages through them with signed cursors.
 *
 * <p>Both orders start from the newest matches (see {@link #newestMatches}): ids, times and ranks,
 * one to four statements whatever the page size; then one statement reads the page's own rows
 * with their highlights and topics.
 *
 * <p>{@code sort=date} pages like the feed: a keyset cursor over (time, id), every match reachable.
 *
 * <p>{@code sort=relevance} ranks a bounded window: the newest {@code relevanceCandidates} matches
 * (all of them for any but common words), scored by {@link Relevance}. Each page re-ranks that
 * window. The cursor holds the last (score, id) shown, the instant scores were aged from, and how
 * many results were shown: scores stay fixed while a client pages, so no result repeats, and a
 * client that reaches the end of the window while more matched gets a clear 400 instead of an ever
 * slower query.
 */
@Service
class SearchService {

    /**
     * The first walk reads at least this many of the newest articles: 4 to 12 ms at a million
     * articles, and enough for a page of any word in more than 1% of them.
     */
    private static final int MIN_PROBE_ROWS = 2_000;

    /**
     * Share of matches among the walked articles above which walking on beats the index path: with
     * the vectors in the row (V117) a walk costs 1.5 to 2.6 µs an article, and the index window of
     * two common words about 50 ms whatever the window (their GIN posting lists are read whole), so
     * a walk on of up to 201 / 2% = 10,050 articles is the cheaper of the two
     * (docs/search-performance.md).
     */
    static final double DENSE_SHARE = 0.02;

    /**
     * How many times the span the walk's matches suggest the index path's window takes, so that
     * words a little rarer further back still fill it: a window too short costs one more statement
     * over the whole archive, one too long only its few extra matches.
     */
    private static final double WINDOW_MARGIN = 2;

    /** The walk's matches are taken to span at least this, however close together they were published. */
    private static final Duration MIN_WALKED_SPAN = Duration.ofHours(1);

    /** A window reaching back further than this is the archive: the index lists every match instead. */
    private static final Duration MAX_WINDOW = Duration.ofDays(100 * 365);

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparing(Comparator.comparingLong(Scored::id).reversed());

    private final SearchRepository search;

    private final SuggestionRepository suggestions;

    private final Cursors cursors;

    private final SearchProperties properties;

    private final Clock clock;

    private final PublishedFacets facets;

    private final SearchAdmission admission;

    private final TransactionTemplate readOnly;

    SearchService(
            SearchRepository search,
            SuggestionRepository suggestions,
            Cursors cursors,
            SearchProperties properties,
            Clock clock,
            PublishedFacets facets,
            SearchAdmission admission,
            PlatformTransactionManager transactions) {
        this.facets = facets;
        this.admission = admission;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.search = search;
        this.suggestions = suggestions;
        this.cursors = cursors;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One page of a search, in its turn among the searches running at once ({@link
     * SearchAdmission}): its transaction, and so its connection, begins when the turn comes.
     */
    Result search(SearchQuery query, String cursor, int limit) {
        try {
            return admission.admit(() -> readOnly.execute(status -> query.sort() == SearchSort.DATE
                    ? byDate(query, cursor, limit)
                    : byRelevance(query, cursor, limit)));
        } catch (DataAccessException ex) {
            if (StatementTimeoutException.causedBy(ex)) {
                throw new StatementTimeoutException();
            }
            throw ex;
        }
    }

    /**
     * True when no article can match: the query's own rules, or a source, dateline or language
     * that no published article has (one index probe each, instead of a walk that finds nothing).
     */
    private boolean matchesNothing(SearchQuery query, Instant now) {
        return query.matchesNothing()
                || (query.scope() == SearchScope.PUBLISHED
                        && !facets.anyVisible(query.source(), query.dateline(), query.languages(), now));
    }

    /** Topics first, then headlines by prefix, then by similarity; each once, at most {@code limit}. */
    @Transactional(readOnly = true)
    SuggestionResponse suggest(String text, int limit) {
        if (SuggestionRepository.prefixQuery(text).isEmpty()) {
            return new SuggestionResponse(List.of());
        }
        Map<String, Suggestion> unique = new LinkedHashMap<>();
        for (Suggestion suggestion :
                suggestions.suggest(text, properties.suggestionSimilarity(), clock.instant(), limit)) {
            unique.putIfAbsent(suggestion.type() + "/" + suggestion.slug(), suggestion);
        }
        return new SuggestionResponse(unique.values().stream().limit(limit).toList());
    }

    private Result byDate(SearchQuery query, String cursor, int limit) {
        SearchRepository.Position after =
                cursor == null ? null : datePosition(cursors.decode(cursor, query.canonical()));
        Instant now = clock.instant();
        if (matchesNothing(query, now)) {
            return Result.EMPTY;
        }
        Instant reference = now.truncatedTo(ChronoUnit.MINUTES);
        Terms terms = search.begin(query, properties.statementTimeout());
        List<Candidate> matches = newestMatches(terms, after, now, limit + 1);
        List<Candidate> page = matches.size() > limit ? matches.subList(0, limit) : matches;
        String next = null;
        if (matches.size() > limit) {
            Candidate last = page.get(page.size() - 1);
            next = cursors.encode(query.canonical(), List.of(last.time().toString(), Long.toString(last.id())));
        }
        List<Scored> scored = page.stream()
                .map(candidate -> new Scored(candidate.id(), score(candidate, reference)))
                .toList();
        SearchTotal total = total(terms, now, matches.size(), after == null && matches.size() <= limit);
        return result(terms, scored, now, next, total);
    }

    private Result byRelevance(SearchQuery query, String cursor, int limit) {
        int window = properties.relevanceCandidates();
        RelevancePosition after = cursor == null ? null : relevancePosition(cursors.decode(cursor, query.canonical()));
        if (after != null && after.shown() >= window) {
            throw new SearchTooDeepException(window);
        }
        Instant now = clock.instant();
        if (matchesNothing(query, now)) {
            return Result.EMPTY;
        }
        // Scores are aged from a whole minute: repeated requests within it give identical pages
        // (and ETags), and every page of one walk uses the instant its first page used.
        Instant reference = after == null ? now.truncatedTo(ChronoUnit.MINUTES) : after.reference();
        Terms terms = search.begin(query, properties.statementTimeout());
        List<Candidate> candidates = newestMatches(terms, null, now, window + 1);
        boolean moreThanWindow = candidates.size() > window;
        List<Scored> ranked = candidates.stream()
                .limit(window)
                .map(candidate -> new Scored(candidate.id(), score(candidate, reference)))
                .sorted(BEST_FIRST)
                .toList();

        int start = 0;
        if (after != null) {
            Scored last = new Scored(after.id(), after.score());
            while (start < ranked.size() && BEST_FIRST.compare(ranked.get(start), last) <= 0) {
                start++;
            }
        }
        int shownBefore = after == null ? 0 : after.shown();
        int end = Math.min(ranked.size(), start + Math.min(limit, window - shownBefore));
        List<Scored> page = ranked.subList(start, end);
        int shownAfter = shownBefore + page.size();
        boolean more = end < ranked.size() || (shownAfter >= window && moreThanWindow);
        String next = null;
        if (more && !page.isEmpty()) {
            Scored last = page.get(page.size() - 1);
            next = cursors.encode(
                    query.canonical(),
                    List.of(
                            reference.toString(),
                            Double.toString(last.score()),
                            Long.toString(last.id()),
                            Integer.toString(shownAfter)));
        }
        return result(terms, page, now, next, total(terms, now, candidates.size(), !moreThanWindow));
    }

    /**
     * How many articles match. {@code seen} matches were found by the search itself, and {@code
     * all} says whether they are every match (the search asked for more and found fewer). Otherwise
     * they are counted when PostgreSQL estimates them few, up to {@code exactTotalLimit}; above,
     * the estimate is the answer, marked as one: a count of every match of common words would cost
     * more than the search (see {@link SearchProperties#exactTotalLimit()}).
     */
    private SearchTotal total(Terms terms, Instant now, int seen, boolean all) {
        if (all) {
            return SearchTotal.exactly(seen);
        }
        int limit = properties.exactTotalLimit();
        long estimate = search.estimatedMatches(terms, now);
        long atLeast = seen;
        if (seen <= limit && estimate <= limit) {
            search.planForActualParameters(terms);
            int counted = search.countMatches(terms, now, limit);
            if (counted <= limit) {
                return SearchTotal.exactly(counted);
            }
            atLeast = counted;
        }
        return SearchTotal.estimated(Math.max(estimate, atLeast));
    }

    /**
     * The newest {@code wanted} matches after {@code after}. A short walk through the newest
     * articles comes first: it is all a common word needs. What it found tells how common the words
     * are among recent articles: dense enough, and a walk on from the oldest match it found, as far
     * as the rest needs at the density it saw ({@link #walkOnRows}), finds them sooner than the index
     * could list every match; otherwise the GIN index lists the matches, which are then few.
     * The index path first reads a publish-time window sized from the walk's matches ({@link
     * #indexWindow}), and the whole archive only when that window held too few: when it held enough,
     * the matches newer than its start are the newest matches of all. The walks are bounded, so a
     * wrong guess costs a bounded walk, never the archive (see docs/search-performance.md for the
     * figures behind the constants).
     */
    private List<Candidate> newestMatches(Terms terms, SearchRepository.Position after, Instant now, int wanted) {
        SearchQuery query = terms.query();
        int probe = Math.max(2 * wanted, MIN_PROBE_ROWS);
        Found found = search.candidates(terms, after, now, wanted, Access.walk(probe));
        if (found.ownMatches() >= wanted) {
            return found.candidates();
        }
        if (found.ownMatches() >= DENSE_SHARE * probe) {
            // dense: walk on from the oldest match found, as far as the rest needs at this density
            Found further = search.candidates(
                    terms, found.oldestOwn(), now, wanted, Access.walk(walkOnRows(wanted, probe, found.ownMatches())));
            List<Candidate> joined = walkedOn(found, further, wanted);
            if (found.ownMatches() + further.ownMatches() >= wanted) {
                return joined;
            }
            // even a walk on that found nothing goes to the window, not to the whole index: the
            // words may be dense and only this stretch empty, and listing every match of dense words
            // runs past the statement timeout (docs/search-performance.md, "A walk on that finds
            // nothing"); after a genuine burst the window is one short read before the whole index
            found = new Found(joined, found.ownMatches() + further.ownMatches(), further.oldestOwn());
        }
        // the index paths need plans made for the words (see SearchRepository.begin)
        search.planForActualParameters(terms);
        Access window = indexWindow(query, after, now, found.candidates(), wanted);
        if (window != null) {
            found = search.candidates(terms, after, now, wanted, window);
            if (found.ownMatches() >= wanted
                    || (query.since() != null && !window.from().isAfter(query.since()))) {
                return found.candidates();
            }
        }
        return search.candidates(terms, after, now, wanted, Access.INDEX).candidates();
    }

    /**
     * How many rows a walk that found {@code found} of {@code wanted} matches in {@code walked}
     * rows reads on to find the rest: the rest at the density seen, plus three standard deviations
     * and three matches, so that a walk on seldom falls short (and costs the index path after it).
     * At most what one walk at the dense share would read.
     */
    static int walkOnRows(int wanted, int walked, int found) {
        int rest = wanted - found;
        double density = (double) found / walked;
        double rows = Math.ceil((rest + 3 * Math.sqrt(rest) + 3) / density);
        return (int) Math.min(rows, Math.ceil(wanted / DENSE_SHARE));
    }

    /**
     * The newest {@code wanted} matches of a walk and the walk on from its oldest own match: the
     * first walk's matches down to that one (everything newer was within its reach), then the
     * second's, each article once.
     */
    static List<Candidate> walkedOn(Found first, Found further, int wanted) {
        SearchRepository.Position cut = first.oldestOwn();
        Map<Long, Candidate> joined = new LinkedHashMap<>();
        first.candidates().stream()
                .filter(candidate -> !isOlder(candidate, cut))
                .forEach(candidate -> joined.putIfAbsent(candidate.id(), candidate));
        further.candidates().forEach(candidate -> joined.putIfAbsent(candidate.id(), candidate));
        return joined.values().stream()
                .sorted(Comparator.comparing(Candidate::time)
                        .thenComparingLong(Candidate::id)
                        .reversed())
                .limit(wanted)
                .toList();
    }

    private static boolean isOlder(Candidate candidate, SearchRepository.Position position) {
        int byTime = candidate.time().compareTo(position.time());
        return byTime < 0 || (byTime == 0 && candidate.id() < position.id());
    }

    /**
     * A publish-time window for the index path, sized from the walk's matches: where the walk found
     * {@code n} matches in a span of time, {@code wanted} need about {@code wanted / n} such spans,
     * and the window takes twice that, ending where the matches still to be found end (the page's
     * position, the query's {@code until}, or now). Null when the walk found nothing (the words are
     * rare, and listing all their matches is cheap), for scheduled articles (few, and all later than
     * now), and when the window would reach back past any archive.
     */
    private static Access indexWindow(
            SearchQuery query, SearchRepository.Position after, Instant now, List<Candidate> walked, int wanted) {
        if (walked.isEmpty() || query.scope() == SearchScope.SCHEDULED) {
            return null;
        }
        Instant end = after == null ? now : after.time();
        if (query.until() != null && query.until().isBefore(end)) {
            end = query.until();
        }
        long walkedSeconds = Math.max(
                Duration.between(walked.get(walked.size() - 1).time(), end).toSeconds(), MIN_WALKED_SPAN.toSeconds());
        double seconds = WINDOW_MARGIN * walkedSeconds * wanted / walked.size();
        if (seconds >= MAX_WINDOW.toSeconds()) {
            return null;
        }
        return Access.index(end.minusSeconds((long) seconds));
    }

    private Result result(Terms terms, List<Scored> page, Instant now, String next, SearchTotal total) {
        if (page.isEmpty()) {
            return result(List.of(), List.of(), next, total);
        }
        Map<Long, SearchRow> rows = search
                .rows(terms, page.stream().map(Scored::id).toList(), now)
                .stream()
                .collect(Collectors.toMap(row -> row.summary().id(), Function.identity()));
        List<SearchRow> shown = new ArrayList<>();
        List<SearchHit> hits = new ArrayList<>();
        for (Scored scored : page) {
            SearchRow row = rows.get(scored.id());
            // gone between the two statements (unpublished a moment ago): simply not shown
            if (row != null) {
                shown.add(row);
                hits.add(SearchHit.from(row.summary(), scored.score(), row.highlights()));
            }
        }
        return result(hits, shown, next, total);
    }

    private double score(Candidate candidate, Instant reference) {
        return Relevance.score(candidate.rank(), candidate.time(), reference, properties.recencyHalfLife());
    }

    private static Result result(List<SearchHit> hits, List<SearchRow> rows, String next, SearchTotal total) {
        return new Result(new SearchResponse(hits, next, total), etag(hits, rows, next, total));
    }

    private static SearchRepository.Position datePosition(List<String> parts) {
        if (parts.size() != 2) {
            throw foreignCursor();
        }
        try {
            return new SearchRepository.Position(Instant.parse(parts.get(0)), Long.parseLong(parts.get(1)));
        } catch (DateTimeParseException | NumberFormatException ex) {
            throw foreignCursor();
        }
    }

    private static RelevancePosition relevancePosition(List<String> parts) {
        if (parts.size() != 4) {
            throw foreignCursor();
        }
        try {
            return new RelevancePosition(
                    Instant.parse(parts.get(0)),
                    Double.parseDouble(parts.get(1)),
                    Long.parseLong(parts.get(2)),
                    Integer.parseInt(parts.get(3)));
        } catch (DateTimeParseException | NumberFormatException ex) {
            throw foreignCursor();
        }
    }

    private static InvalidCursorException foreignCursor() {
        return new InvalidCursorException("The cursor is not one this service issued.");
    }

    /**
     * A page's entity tag: which articles, in which versions, with which scores, lead image metadata
     * and flags (both change without the article's version), what follows, and how many match.
     */
    private static String etag(List<SearchHit> hits, List<SearchRow> rows, String next, SearchTotal total) {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            content.append(rows.get(i).summary().id())
                    .append(':')
                    .append(rows.get(i).version())
                    .append(':')
                    .append(hits.get(i).score())
                    .append(':')
                    .append(Objects.hashCode(hits.get(i).leadImage()))
                    // flags expire without a write, so the version alone does not capture them
                    .append(':')
                    .append(hits.get(i).featured())
                    .append(':')
                    .append(hits.get(i).urgency())
                    .append(',');
        }
        content.append('|').append(next).append('|').append(total.value()).append(total.relation());
        return ETags.weakDigest(content.toString());
    }

    private record Scored(long id, double score) {}

    /** Where a relevance page ended, and how many results the walk has shown so far. */
    private record RelevancePosition(Instant reference, double score, long id, int shown) {}

    record Result(SearchResponse page, String etag) {

        static final Result EMPTY = result(List.of(), List.of(), null, SearchTotal.NONE);
    }
}
