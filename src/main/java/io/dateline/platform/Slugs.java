package io.dateline.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * URL slugs from human text: "Лавров заявил" becomes "lavrov-zayavil", "Café au lait" becomes
 * "cafe-au-lait". Cyrillic goes through an explicit table (a readable, Russian-first romanisation
 * close to the one news sites use) rather than ICU, which would add a 13 MB dependency for a
 * dozen lines; Latin letters lose their accents; everything else becomes a hyphen.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 80;

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
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
            Map.entry('я', "ya"),
            // Ukrainian and Belarusian letters that the Russian table lacks
            Map.entry('і', "i"),
            Map.entry('ї', "yi"),
            Map.entry('є', "ye"),
            Map.entry('ґ', "g"),
            Map.entry('ў', "u"));

    private Slugs() {}

    /**
     * The slug for {@code text}, or {@code fallback} when nothing sluggable is left (a headline of
     * emoji, say). Never purely numeric, so that a slug can share a path segment with numeric ids.
     */
    public static String of(String text, String fallback) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String mapped = CYRILLIC.get(c);
            latin.append(mapped != null ? mapped : String.valueOf(c));
        }
        String ascii = COMBINING_MARKS
                .matcher(Normalizer.normalize(latin, Normalizer.Form.NFD))
                .replaceAll("")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("ø", "o")
                .replace("œ", "oe")
                .replace("ł", "l");
        StringBuilder slug = new StringBuilder(Math.min(ascii.length(), MAX_LENGTH));
        boolean pendingHyphen = false;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && slug.length() > 0) {
                    slug.append('-');
                }
                pendingHyphen = false;
                slug.append(c);
            } else {
                pendingHyphen = true;
            }
        }
        String result = truncate(slug.toString(), MAX_LENGTH);
        if (result.isEmpty()) {
            return fallback;
        }
        return result.chars().allMatch(Character::isDigit) ? fallback + "-" + result : result;
    }

    /** {@code base} with the n-th collision suffix ("-2", "-3", ...), still within the length limit. */
    public static String withSuffix(String base, int n) {
        String suffix = "-" + n;
        return truncate(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    public static boolean isValid(String slug) {
        return slug != null
                && slug.length() <= MAX_LENGTH
                && FORMAT.matcher(slug).matches();
    }

    /** Cuts at a word boundary where one is near, so that slugs do not end in half a word. */
    private static String truncate(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        String cut = slug.substring(0, max);
        int hyphen = cut.lastIndexOf('-');
        if (hyphen >= max / 2) {
            cut = cut.substring(0, hyphen);
        }
        return cut.endsWith("-") ? cut.substring(0, cut.length() - 1) : cut;
    }
}
