package io.dateline.platform;

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
}
