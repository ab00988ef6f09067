package io.dateline.syndication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/webhooks")
@Tag(
        name = "Admin: webhooks",
        description = "Subscriptions to article events, signed deliveries, the delivery log and replays (ADMIN)")
@SecurityRequirement(name = "bearer")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe a URL to article events",
            description = "Deliveries are JSON POSTs signed with the secret (header Dateline-Signature,"
                    + " README \"Webhooks\"). The secret is never returned.")
    @ApiResponse(responseCode = "201", description = "Subscribed; Location header")
    ResponseEntity<WebhookResponse> create(@Valid @RequestBody WebhookRequest request) {
        WebhookResponse created = webhooks.create(request);
        return ResponseEntity.created(URI.create("/api/v1/admin/webhooks/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(
            operationId = "listWebhooks",
            summary = "List webhooks",
            description = "Every subscription, oldest first, without secrets.")
    WebhookResponse.WebhookList list() {
        return webhooks.list();
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getWebhook",
            summary = "Get a webhook",
            description = "The subscription: URL, event types, description; never the secret.")
    WebhookResponse get(@Parameter(description = "Webhook id") @PathVariable long id) {
        return webhooks.get(id);
    }

    @PutMapping("/{id}")
    @Operation(
            operationId = "replaceWebhook",
            summary = "Replace a webhook",
            description = "Without a secret, the current one is kept.")
    WebhookResponse replace(
            @Parameter(description = "Webhook id") @PathVariable long id, @Valid @RequestBody WebhookRequest request) {
        return webhooks.replace(id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook",
            description = "With its delivery log; pending deliveries are dropped.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@Parameter(description = "Webhook id") @PathVariable long id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "A webhook's delivery log",
            description = "Newest first, a page at a time (nextCursor): status, attempts, the last answer or"
                    + " error, the next attempt.")
    WebhookDeliveryResponse.WebhookDeliveryPage deliveries(
            @Parameter(description = "Webhook id") @PathVariable long id,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "Deliveries per page, at most " + Webhooks.MAX_PAGE_SIZE)
                    @RequestParam(defaultValue = "50")
                    @Min(1)
                    @Max(Webhooks.MAX_PAGE_SIZE)
                    int size) {
        return webhooks.deliveries(id, cursor, size);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @Operation(
            operationId = "replayWebhookDelivery",
            summary = "Deliver an event again",
            description = "A new delivery of the same event and body (same event id, so a receiver that drops"
                    + " repeats must be told), due at once; the original stays in the log.")
    @ApiResponse(responseCode = "202", description = "The new delivery, pending")
    ResponseEntity<WebhookDeliveryResponse> replay(
            @Parameter(description = "Webhook id") @PathVariable long id,
            @Parameter(description = "Delivery id") @PathVariable long deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.replay(id, deliveryId));
    }
}
