package io.dateline.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * A search hit's snippet: at most two short fragments of the body around the words the article
 * matched, those words marked with {@link Highlights}' sentinels.
 *
 * <p>Made here rather than by PostgreSQL's ts_headline, which parses and stems the whole body of
 * every hit: 0.3 ms for a 3 KB body, about half of what a search that no cache answers cost the
 * database (docs/search-performance.md). What is marked is still what matched: the words come from
 * PostgreSQL, as the lexemes of the very tsquery the article was matched with ({@link
 * #lexemes}), and a body word is marked when its stem is one of them. Words are stemmed as the
 * article's text search configuration stems them (article_search_config, migration V40): {@code
 * english} runs every word through the Snowball English stemmer; {@code russian} runs Cyrillic
 * words through the Snowball Russian one (which also reads ё as е) and Latin ones through the
 * English one; {@code simple}, and any word with a digit in it, only lowercases. These are the
 * Snowball algorithms PostgreSQL's dictionaries implement, so the stems agree; a word whose first
 * two letters differ from every lexeme's is not stemmed at all, which keeps a 3 KB body to a few
 * dozen stems.
 *
 * <p>The fragments follow ts_headline's options as they were ({@code MaxWords=30, MinWords=12,
 * MaxFragments=2}): the first is the 30-word stretch that holds the most of the query's words
 * (the earliest of equals), centred on its matches; the second, if any match lies outside it, the
 * best stretch of the rest, preferring words the first did not show. They appear in the order of
 * the text, joined by " … ". A body that does not contain the words (the headline, lead or a
 * topic name matched) gives its first 12 words.
 */
final class Snippets {

    static final int MAX_WORDS = 30;

    static final int MIN_WORDS = 12;

    static final int MAX_FRAGMENTS = 2;

    static final String FRAGMENT_DELIMITER = " … ";

    /** Words are stemmed only when they begin with the first letters of some lexeme: this many. */
    private static final int KEY_LENGTH = 2;

    /** A lexeme in querytree's output: quoted, a quote inside doubled. */
    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')+)'");

    private Snippets() {}

    /** The lexemes of a tsquery as {@code querytree} prints it ({@code 'minist' & 'navi'}), each once. */
    static List<String> lexemes(String querytree) {
        if (querytree == null) {
            return List.of();
        }
        Set<String> lexemes = new LinkedHashSet<>();
        Matcher matcher = LEXEME.matcher(querytree);
        while (matcher.find()) {
            lexemes.add(matcher.group(1).replace("''", "'"));
        }
        return List.copyOf(lexemes);
    }

    /**
     * The marked snippet of {@code body} for an article in {@code language} that matched {@code
     * lexemes}; empty for a body without words.
     */
    static String mark(String body, List<String> lexemes, String language) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        Words words = Words.of(body, new Matching(lexemes, Configuration.of(language)));
        if (words.count == 0) {
            return "";
        }
        List<int[]> fragments = fragments(words);
        StringBuilder snippet = new StringBuilder(MAX_FRAGMENTS * MAX_WORDS * 8);
        for (int[] fragment : fragments) {
            if (!snippet.isEmpty()) {
                snippet.append(FRAGMENT_DELIMITER);
            }
            words.render(fragment[0], fragment[1], snippet);
        }
        return snippet.toString();
    }

    /** The fragments as [first word, last word], in text order. */
    private static List<int[]> fragments(Words words) {
        List<int[]> chosen = new ArrayList<>();
        long shown = 0;
        for (int f = 0; f < MAX_FRAGMENTS; f++) {
            int[] best = null;
            long bestMask = 0;
            int bestScore = -1;
            for (int first = 0; first < words.count; first++) {
                if (words.lexeme[first] < 0 || inside(chosen, first)) {
                    continue;
                }
                int last = Math.min(Math.min(words.count, limitAfter(chosen, first)) - 1, first + MAX_WORDS - 1);
                long mask = 0;
                int matches = 0;
                int lastMatch = first;
                for (int w = first; w <= last; w++) {
                    if (words.lexeme[w] >= 0) {
                        mask |= 1L << Math.min(words.lexeme[w], 63);
                        matches++;
                        lastMatch = w;
                    }
                }
                // new words first, then words, then matches; the earliest of equals (strictly greater)
                int score =
                        Long.bitCount(mask & ~shown) * 1_000_000 + Long.bitCount(mask) * 1_000 + Math.min(matches, 999);
                if (score > bestScore) {
                    bestScore = score;
                    bestMask = mask;
                    best = centred(
                            first,
                            lastMatch,
                            limitBefore(chosen, first),
                            Math.min(words.count, limitAfter(chosen, first)) - 1);
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            shown |= bestMask;
        }
        if (chosen.isEmpty()) {
            chosen.add(new int[] {0, Math.min(words.count, MIN_WORDS) - 1});
        }
        chosen.sort(Comparator.comparingInt(fragment -> fragment[0]));
        return chosen;
    }

    /** A stretch of at most MAX_WORDS words around the matches from {@code first} to {@code lastMatch}. */
    private static int[] centred(int first, int lastMatch, int lowest, int highest) {
        int slack = MAX_WORDS - (lastMatch - first + 1);
        int start = Math.max(lowest, first - slack / 2);
        int end = Math.min(highest, start + MAX_WORDS - 1);
        start = Math.max(lowest, Math.min(start, end - MAX_WORDS + 1));
        return new int[] {start, end};
    }

    private static boolean inside(List<int[]> fragments, int word) {
        return fragments.stream().anyMatch(fragment -> fragment[0] <= word && word <= fragment[1]);
    }

    /** The first word a fragment containing {@code word} may start at: after any fragment before it. */
    private static int limitBefore(List<int[]> fragments, int word) {
        return fragments.stream()
                .filter(fragment -> fragment[1] < word)
                .mapToInt(fragment -> fragment[1] + 1)
                .max()
                .orElse(0);
    }

    /** The word a fragment containing {@code word} must end before: the next fragment's first. */
    private static int limitAfter(List<int[]> fragments, int word) {
        return fragments.stream()
                .filter(fragment -> fragment[0] > word)
                .mapToInt(fragment -> fragment[0])
                .min()
                .orElse(Integer.MAX_VALUE);
    }

    /** How a text search configuration turns a word into a lexeme (see the class comment). */
    private enum Configuration {
        ENGLISH,
        RUSSIAN,
        SIMPLE;

        static Configuration of(String language) {
            return switch (language == null ? "" : language) {
                case "en" -> ENGLISH;
                case "ru" -> RUSSIAN;
                default -> SIMPLE;
            };
        }
    }

    /** Decides whether a word is one of the lexemes, stemming only words that could be. */
    private static final class Matching {

        private final List<String> lexemes;

        private final Set<String> keys = new HashSet<>();

        /** The keys' first letters: most words are told apart by their first letter alone. */
        private final BitSet firstLetters = new BitSet();

        private final Configuration configuration;

        private EnglishStemmer english;

        private RussianStemmer russian;

        Matching(List<String> lexemes, Configuration configuration) {
            this.lexemes = lexemes;
            this.configuration = configuration;
            for (String lexeme : lexemes) {
                String key = key(lexeme, Math.min(KEY_LENGTH, lexeme.length()));
                keys.add(key);
                firstLetters.set(key.charAt(0));
            }
        }

        /** Which lexeme (its index) the word at body[start, end) is, or -1. */
        int lexeme(String body, int start, int end) {
            if (!firstLetters.get(letter(body.charAt(start)))) {
                return -1;
            }
            boolean candidate = false;
            for (int length = 1; length <= Math.min(KEY_LENGTH, end - start) && !candidate; length++) {
                candidate = keys.contains(key(body.substring(start, start + length), length));
            }
            if (!candidate) {
                return -1;
            }
            return lexemes.indexOf(stem(body.substring(start, end).toLowerCase(Locale.ROOT)));
        }

        private String stem(String word) {
            boolean digits = false;
            boolean ascii = true;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                digits |= Character.isDigit(c);
                ascii &= c < 128;
            }
            if (configuration == Configuration.SIMPLE || digits) {
                return word;
            }
            if (configuration == Configuration.RUSSIAN && !ascii) {
                if (russian == null) {
                    russian = new RussianStemmer();
                }
                russian.setCurrent(word);
                russian.stem();
                return russian.getCurrent();
            }
            if (english == null) {
                english = new EnglishStemmer();
            }
            english.setCurrent(word);
            english.stem();
            return english.getCurrent();
        }

        /** The first letters of a word or lexeme, lowercased, ё read as е (the Russian stemmer does). */
        private static String key(String text, int length) {
            return text.substring(0, length).toLowerCase(Locale.ROOT).replace('ё', 'е');
        }

        private static char letter(char c) {
            char lower = Character.toLowerCase(c);
            return lower == 'ё' ? 'е' : lower;
        }
    }

    /** The body's words (runs of letters and digits) and which lexeme each is. */
    private static final class Words {

        private final String body;

        private final int[] start;

        private final int[] end;

        private final int[] lexeme;

        private final int count;

        private Words(String body, int[] start, int[] end, int[] lexeme, int count) {
            this.body = body;
            this.start = start;
            this.end = end;
            this.lexeme = lexeme;
            this.count = count;
        }

        static Words of(String body, Matching matching) {
            int capacity = body.length() / 4 + 1;
            int[] start = new int[capacity];
            int[] end = new int[capacity];
            int[] lexeme = new int[capacity];
            int count = 0;
            int i = 0;
            while (i < body.length()) {
                if (!Character.isLetterOrDigit(body.charAt(i))) {
                    i++;
                    continue;
                }
                int from = i;
                while (i < body.length() && Character.isLetterOrDigit(body.charAt(i))) {
                    i++;
                }
                if (count == start.length) {
                    start = Arrays.copyOf(start, count * 2);
                    end = Arrays.copyOf(end, count * 2);
                    lexeme = Arrays.copyOf(lexeme, count * 2);
                }
                start[count] = from;
                end[count] = i;
                lexeme[count] = matching.lexeme(body, from, i);
                count++;
            }
            return new Words(body, start, end, lexeme, count);
        }

        /**
         * Appends words {@code first} to {@code last} with the text between them, white space
         * collapsed to one space and the sentinels removed from the text, the matched words marked.
         */
        void render(int first, int last, StringBuilder out) {
            for (int w = first; w <= last; w++) {
                if (w > first) {
                    between(end[w - 1], start[w], out);
                }
                if (lexeme[w] >= 0) {
                    out.append(Highlights.START).append(body, start[w], end[w]).append(Highlights.STOP);
                } else {
                    out.append(body, start[w], end[w]);
                }
            }
        }

        private void between(int from, int to, StringBuilder out) {
            boolean space = false;
            for (int i = from; i < to; i++) {
                char c = body.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    space = true;
                } else if (c != Highlights.START && c != Highlights.STOP && c != Highlights.LESS_THAN) {
                    if (space) {
                        out.append(' ');
                        space = false;
                    }
                    out.append(c);
                }
            }
            if (space) {
                out.append(' ');
            }
        }
    }
}
