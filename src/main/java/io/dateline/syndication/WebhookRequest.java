package io.dateline.syndication;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A webhook subscription as an admin writes it.
 *
 * @param url where deliveries are POSTed: a public http(s) address on the default port
 * @param eventTypes article.published, article.updated, article.unpublished, article.archived,
 *     article.deleted
 * @param secret signs every delivery; write-only, never shown again. Required on creation; on
 *     replacement, omit it to keep the current one
 * @param description what the subscription is for
 */
record WebhookRequest(
        @Schema(example = "https://partner.example.com/hooks/dateline") @NotBlank @Size(max = 2000)
        String url,

        @Schema(example = "[\"article.published\", \"article.updated\"]") @NotEmpty @Size(max = 5)
        List<@NotBlank String> eventTypes,

        @Schema(
                example = "whsec_2f6c1d9a7b3e4c58a0f1e2d3c4b5a697",
                accessMode = Schema.AccessMode.WRITE_ONLY,
                minLength = 16)
        @Size(min = 16, max = 200)
        String secret,

        @Schema(example = "Partner X: new stories") @Size(max = 200)
        String description) {}
