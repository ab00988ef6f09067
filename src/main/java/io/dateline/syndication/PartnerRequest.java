package io.dateline.syndication;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A partner as an editor writes it: the body of POST, and the document a JSON merge patch applies
 * to.
 *
 * @param feedUrl the partner's RSS or Atom feed; without one, headlines are only typed in
 * @param topic slug of the topic that imported headlines are filed under; none when absent
 */
record PartnerRequest(
        @Schema(example = "Example News Agency") @NotBlank @Size(max = 200)
        String name,

        @Schema(example = "https://news.example.org") @NotBlank @Size(max = HttpUrls.MAX_LENGTH) @HttpUrls.HttpUrl
        String homepage,

        @Schema(example = "https://news.example.org/rss.xml") @Size(max = HttpUrls.MAX_LENGTH) @HttpUrls.HttpUrl
        String feedUrl,

        @Schema(example = "world") @Size(max = 80) String topic) {}
