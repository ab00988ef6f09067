package io.dateline.syndication;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A webhook subscription, without its secret. */
record WebhookResponse(
        @Schema(example = "7") long id,

        @Schema(example = "https://partner.example.com/hooks/dateline")
        String url,

        @Schema(example = "[\"article.published\", \"article.updated\"]")
        List<String> eventTypes,

        @Schema(example = "Partner X: new stories", nullable = true)
        String description,

        Instant createdAt,
        Instant updatedAt) {

    static WebhookResponse from(WebhookStore.Webhook webhook) {
        return new WebhookResponse(
                webhook.id(),
                webhook.url(),
                webhook.eventTypes(),
                webhook.description(),
                webhook.createdAt(),
                webhook.updatedAt());
    }

    record WebhookList(List<WebhookResponse> items) {}
}
