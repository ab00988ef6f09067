package io.dateline.platform;

import java.util.Locale;

/** Entity tags as RFC 9110 defines them: quoting, and the strong comparison If-Match needs. */
public final class ETags {

    private ETags() {}

    public static String strong(String opaque) {
        return "\"" + opaque + "\"";
    }

    public static String weak(String opaque) {
        return "W/\"" + opaque + "\"";
    }

    /**
     * Whether an If-Match header value admits the current strong tag. Weak tags never match (a weak
     * validator cannot guard a write), "*" matches any existing resource.
     */
    public static boolean ifMatch(String header, String currentStrongTag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(currentStrongTag)) {
                return true;
            }
        }
        return false;
    }

    /** True for a syntactically plausible header: "*" or a list of quoted, optionally weak tags. */
    public static boolean isWellFormed(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            String quoted = tag.toUpperCase(Locale.ROOT).startsWith("W/") ? tag.substring(2) : tag;
            if (!tag.equals("*") && !(quoted.length() >= 2 && quoted.startsWith("\"") && quoted.endsWith("\""))) {
                return false;
            }
        }
        return true;
    }
}
