package io.dateline.syndication;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery of one event to a webhook, as the delivery log shows it.
 *
 * @param status PENDING (due at nextAttemptAt), DELIVERED (a 2xx answered) or FAILED (retried for
 *     dateline.webhooks.retry-for without success)
 * @param attempts attempts made so far
 * @param lastStatusCode the HTTP status of the last attempt; null when no answer came
 * @param lastError why the last attempt failed (HTTP status, timeout, refused address)
 * @param replayOf the delivery this one replays
 */
record WebhookDeliveryResponse(
        @Schema(example = "42") long id,
        UUID eventId,
        @Schema(example = "article.published") String eventType,

        @Schema(
                example = "DELIVERED",
                allowableValues = {"PENDING", "DELIVERED", "FAILED"})
        String status,

        @Schema(example = "1") int attempts,
        Instant createdAt,
        @Schema(nullable = true) Instant nextAttemptAt,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(example = "200", nullable = true) Integer lastStatusCode,
        @Schema(example = "HTTP 503", nullable = true) String lastError,
        @Schema(nullable = true) Long replayOf) {

    static WebhookDeliveryResponse from(WebhookStore.Delivery delivery) {
        return new WebhookDeliveryResponse(
                delivery.id(),
                delivery.eventId(),
                delivery.eventType(),
                delivery.status(),
                delivery.attempts(),
                delivery.createdAt(),
                delivery.nextAttemptAt(),
                delivery.lastAttemptAt(),
                delivery.lastStatusCode(),
                delivery.lastError(),
                delivery.replayOf());
    }

    record WebhookDeliveryPage(
            List<WebhookDeliveryResponse> items,
            @Schema(nullable = true) String nextCursor) {}
}
