package io.dateline.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latin and Cyrillic spellings of the same words, so that "Lavrov" finds "Лавров" and back. A
 * query is searched as typed and, OR'ed, with its words spelled in the other script (see {@link
 * SearchRepository}): Russian articles are matched with {@link #toCyrillic}, the others with {@link
 * #toLatin}.
 *
 * <p>Cyrillic to Latin follows BGN/PCGN romanization, the one English-language news uses (Лавров
 * Lavrov, Шойгу Shoygu, Хабаровск Khabarovsk, Ельцин Yeltsin), with the common name endings of
 * the press: -ий and -ый as -y (Дмитрий Dmitry, Грозный Grozny), -ский as -sky. Latin to Cyrillic
 * reads the same system backwards, longest letter group first (shch щ, kh х, ts ц, zh ж, ya я),
 * with y as й after a vowel and ы after a consonant, -sky/-skiy as -ский, a final -y after a
 * consonant as -ий (Dmitry Дмитрий), and an initial e as э (Erdogan Эрдоган). What Latin letters
 * do not keep cannot come back: the soft sign of Ельцин (Yeltsin) is lost. Only letters change: websearch operators (quotes, -, or) keep their meaning.
 * It is a spelling, not a translation: the query's other words stay as typed.
 */
final class Transliteration {

    private static final Pattern CYRILLIC_WORD = Pattern.compile("\\p{IsCyrillic}+");

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");

    private static final String VOWELS_CYRILLIC = "аеёиоуыэюя";

    private static final Map<Character, String> TO_LATIN = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ё', "yo"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "i"),
            Map.entry('й', "y"),
            Map.entry('к', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "kh"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "shch"),
            Map.entry('ъ', ""),
            Map.entry('ы', "y"),
            Map.entry('ь', ""),
            Map.entry('э', "e"),
            Map.entry('ю', "yu"),
            Map.entry('я', "ya"));

    /** Latin letter groups, longest first so that "shch" is read before "sh" and "s". */
    private static final List<Map.Entry<String, String>> TO_CYRILLIC = List.of(
            Map.entry("shch", "щ"),
            Map.entry("sch", "щ"),
            Map.entry("zh", "ж"),
            Map.entry("kh", "х"),
            Map.entry("ts", "ц"),
            Map.entry("tz", "ц"),
            Map.entry("ch", "ч"),
            Map.entry("sh", "ш"),
            Map.entry("yo", "ё"),
            Map.entry("yu", "ю"),
            Map.entry("ya", "я"),
            Map.entry("ye", "е"),
            Map.entry("ia", "ия"),
            Map.entry("a", "а"),
            Map.entry("b", "б"),
            Map.entry("c", "к"),
            Map.entry("d", "д"),
            Map.entry("e", "е"),
            Map.entry("f", "ф"),
            Map.entry("g", "г"),
            Map.entry("h", "х"),
            Map.entry("i", "и"),
            Map.entry("j", "дж"),
            Map.entry("k", "к"),
            Map.entry("l", "л"),
            Map.entry("m", "м"),
            Map.entry("n", "н"),
            Map.entry("o", "о"),
            Map.entry("p", "п"),
            Map.entry("q", "к"),
            Map.entry("r", "р"),
            Map.entry("s", "с"),
            Map.entry("t", "т"),
            Map.entry("u", "у"),
            Map.entry("v", "в"),
            Map.entry("w", "в"),
            Map.entry("x", "кс"),
            Map.entry("z", "з"));

    private Transliteration() {}

    /** The text with every Cyrillic word in Latin letters, the rest as it was. */
    static String toLatin(String text) {
        return replaceWords(CYRILLIC_WORD.matcher(text), Transliteration::wordToLatin);
    }

    /**
     * The text with every Latin word in Cyrillic letters, the rest as it was; "or", a websearch
     * operator, stays.
     */
    static String toCyrillic(String text) {
        return replaceWords(
                LATIN_WORD.matcher(text), word -> word.equalsIgnoreCase("or") ? word : wordToCyrillic(word));
    }

    private static String replaceWords(Matcher words, java.util.function.UnaryOperator<String> spelling) {
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            words.appendReplacement(out, Matcher.quoteReplacement(spelling.apply(words.group())));
        }
        return words.appendTail(out).toString();
    }

    static String wordToLatin(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        // the press spells these endings short: Дмитрий Dmitry, Грозный Grozny, Достоевский Dostoevsky
        if (lower.length() > 3 && (lower.endsWith("ий") || lower.endsWith("ый"))) {
            return latin(lower.substring(0, lower.length() - 2)) + "y";
        }
        return latin(lower);
    }

    private static String latin(String lower) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String latin = TO_LATIN.get(c);
            if (latin == null) {
                out.append(c);
            } else if (c == 'е'
                    && (i == 0
                            || VOWELS_CYRILLIC.indexOf(lower.charAt(i - 1)) >= 0
                            || lower.charAt(i - 1) == 'ь'
                            || lower.charAt(i - 1) == 'ъ')) {
                // BGN/PCGN: ye at the start and after a vowel or a sign (Ельцин Yeltsin, Юрьев Yuryev)
                out.append("ye");
            } else {
                out.append(latin);
            }
        }
        return out.toString();
    }

    static String wordToCyrillic(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String ending = "";
        if (lower.length() > 4 && (lower.endsWith("skiy") || lower.endsWith("skii"))) {
            lower = lower.substring(0, lower.length() - 4);
            ending = "ский";
        } else if (lower.length() > 3 && lower.endsWith("sky")) {
            lower = lower.substring(0, lower.length() - 3);
            ending = "ский";
        } else if (lower.length() > 3 && lower.endsWith("iy")) {
            lower = lower.substring(0, lower.length() - 2);
            ending = "ий";
        } else if (lower.length() > 3
                && lower.endsWith("y")
                && "aeiouy".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            // the press's short -y of names is -ий: Dmitry Дмитрий, Yevgeny Евгений
            lower = lower.substring(0, lower.length() - 1);
            ending = "ий";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (c == 'y'
                    && !lower.startsWith("yo", i)
                    && !lower.startsWith("yu", i)
                    && !lower.startsWith("ya", i)
                    && !lower.startsWith("ye", i)) {
                // й after a vowel (Sergey Сергей, Shoygu Шойгу), ы after a consonant (Krym Крым)
                boolean afterVowel = i > 0 && "aeiou".indexOf(lower.charAt(i - 1)) >= 0;
                out.append(afterVowel || i == 0 ? "й" : "ы");
                i++;
                continue;
            }
            if (c == 'e' && i == 0) {
                out.append('э');
                i++;
                continue;
            }
            boolean matched = false;
            for (Map.Entry<String, String> group : TO_CYRILLIC) {
                if (lower.startsWith(group.getKey(), i)) {
                    out.append(group.getValue());
                    i += group.getKey().length();
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                out.append(c);
                i++;
            }
        }
        return out.append(ending).toString();
    }
}
