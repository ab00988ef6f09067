package io.dateline.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Opaque, tamper-evident paging cursors ("Show more"). A cursor carries the last position of a page
 * and a fingerprint of the query it belongs to, signed with HMAC-SHA256: clients cannot forge a
 * position, and a cursor replayed with another filter is refused instead of silently paging the
 * wrong stream. Cursors hold no secret data, only positions, so signing (not encrypting) suffices.
 */
@Component
public class Cursors {

    private static final Logger log = LoggerFactory.getLogger(Cursors.class);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private static final int SIGNATURE_BYTES = 16;

    private static final int MAX_LENGTH = 512;

    /** Cloned per use: a clone is far cheaper than the provider lookup of getInstance. */
    private static final MessageDigest SHA_256 = sha256();

    /** Initialised once with the key and cloned per use, which skips the key schedule too. */
    private final Mac mac;

    public Cursors(CursorProperties properties) {
        byte[] secret;
        if (StringUtils.hasText(properties.secret())) {
            if (properties.secret().length() < 32) {
                throw new IllegalStateException("dateline.cursor.secret must be at least 32 characters");
            }
            secret = properties.secret().getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("dateline.cursor.secret is not set: paging cursors are signed with a per-process key");
        }
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", ex);
        }
    }

    /**
     * @param query a canonical description of the query the cursor belongs to
     * @param position the values of the last row's sort key, none containing '|'
     */
    public String encode(String query, List<String> position) {
        String payload = fingerprint(query) + "|" + String.join("|", position);
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(sign(payloadBytes));
    }

    /** Returns the position, or throws a 400 problem for a garbled, forged or foreign cursor. */
    public List<String> decode(String cursor, String query) {
        if (cursor.length() > MAX_LENGTH) {
            throw new InvalidCursorException("The cursor is not one this service issued.");
        }
        int dot = cursor.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(cursor.substring(0, Math.max(dot, 0)));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
            throw new InvalidCursorException("The cursor is not one this service issued.");
        }
        if (dot < 0 || !MessageDigest.isEqual(sign(payload), signature)) {
            throw new InvalidCursorException("The cursor is not one this service issued.");
        }
        List<String> parts = Arrays.asList(new String(payload, StandardCharsets.UTF_8).split("\\|", -1));
        if (!parts.get(0).equals(fingerprint(query))) {
            throw new InvalidCursorException(
                    "The cursor belongs to a different query: page with the same filters that produced it.");
        }
        return parts.subList(1, parts.size());
    }

    private byte[] sign(byte[] payload) {
        try {
            return Arrays.copyOf(((Mac) mac.clone()).doFinal(payload), SIGNATURE_BYTES);
        } catch (CloneNotSupportedException ex) {
            throw new IllegalStateException("the HmacSHA256 implementation cannot be cloned", ex);
        }
    }

    private static String fingerprint(String query) {
        try {
            byte[] digest = ((MessageDigest) SHA_256.clone()).digest(query.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(digest, 9));
        } catch (CloneNotSupportedException ex) {
            throw new IllegalStateException("the SHA-256 implementation cannot be cloned", ex);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
        }
    }
}
