package io.dateline.syndication;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Dateline-Signature} header, in the shape Stripe uses: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "t.body" with the webhook's secret>}. Signing the timestamp with the body lets a
 * receiver refuse a captured delivery replayed later (README "Webhooks": verify within a window).
 */
final class WebhookSignature {

    static final String HEADER = "Dateline-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
    }

    /** A Mac per delivery: deliveries run in parallel and a Mac is not thread-safe; creating one is a cached provider lookup. */
    static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", ex);
        }
    }
}
