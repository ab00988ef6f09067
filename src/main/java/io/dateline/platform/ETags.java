package io.dateline.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Entity tags as RFC 9110 defines them: quoting, digests, and the comparisons If-Match and If-None-Match need. */
public final class ETags {

    /** Cloned per use: a clone is far cheaper than the provider lookup of getInstance. */
    private static final MessageDigest SHA_256 = sha256();

    private ETags() {}

    public static String strong(String opaque) {
        return "\"" + opaque + "\"";
    }

    public static String weak(String opaque) {
        return "W/\"" + opaque + "\"";
    }

    /**
     * A weak tag for a representation assembled from several rows (a page, a feed): a digest of a
     * text that names everything the representation shows, so that any change to it changes the tag.
     */
    public static String weakDigest(String content) {
        byte[] digest;
        try {
            digest = ((MessageDigest) SHA_256.clone()).digest(content.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException ex) {
            throw new IllegalStateException("the SHA-256 implementation cannot be cloned", ex);
        }
        return weak(
                Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
        }
    }

    /**
     * Whether an If-None-Match header value names the current tag, by the weak comparison RFC 9110
     * prescribes for it: W/ prefixes are ignored, "*" matches anything.
     */
    public static boolean noneMatchHits(String header, String currentTag) {
        String ours = opaque(currentTag);
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
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
