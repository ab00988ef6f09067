package io.dateline.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final byte[] BODY =
            "{\"id\":\"e1\",\"type\":\"article.published\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheTimestampAndTheBodyAsStripeDoes() {
        // computed independently: HMAC-SHA256(secret, "1764547200." + body) with Python's hmac module
        String header = WebhookSignature.header("whsec_test_secret_0123456789", 1764547200L, BODY);

        assertThat(header)
                .isEqualTo("t=1764547200,v1=5fce03a822497a9ebe853b2c9fec6d6783b53b04b7ca7ff99794e441031fd2b3");
    }

    @Test
    void anotherTimeOrSecretGivesAnotherSignature() {
        String original = WebhookSignature.header("whsec_test_secret_0123456789", 1764547200L, BODY);

        String later = WebhookSignature.header("whsec_test_secret_0123456789", 1764547201L, BODY);
        String otherSecret = WebhookSignature.header("whsec_test_secret_0123456780", 1764547200L, BODY);

        assertThat(later.substring(later.indexOf("v1="))).isNotEqualTo(original.substring(original.indexOf("v1=")));
        assertThat(otherSecret).isNotEqualTo(original);
    }
}
