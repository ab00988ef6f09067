package io.dateline.syndication;

import io.dateline.newsroom.ArticleChanged;
import io.dateline.platform.OutboundHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook delivery. The listener turns each {@link ArticleChanged} into one pending delivery per
 * subscribed webhook (its own transaction after the newsroom's commit; the event publication
 * registry hands it over again if the process died first). The worker polls the due deliveries,
 * claims them for this instance, POSTs each signed body through the SSRF-safe client on a thread of
 * its own, and records the outcome: delivered on a 2xx, else retried with back-off until
 * {@code dateline.webhooks.retry-for} has passed, then failed. A delivery may arrive more than once
 * (a worker dying after the receiver answered); receivers drop repeats by the event id.
 */
@Component
class WebhookDeliveries implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final WebhookStore store;

    private final WebhookProperties properties;

    private final SiteProperties site;

    private final JsonMapper json;

    private final Clock clock;

    private final RestClient http;

    private final WebhookRetries retries;

    private final ExecutorService senders;

    WebhookDeliveries(
            WebhookStore store,
            WebhookProperties properties,
            SiteProperties site,
            JsonMapper json,
            Clock clock,
            OutboundHttp outbound) {
        this.store = store;
        this.properties = properties;
        this.site = site;
        this.json = json;
        this.clock = clock;
        this.http = outbound.client(properties.connectTimeout(), properties.readTimeout())
                .build();
        this.retries = new WebhookRetries(
                properties.initialBackoff(),
                properties.maxBackoff(),
                properties.retryFor(),
                () -> ThreadLocalRandom.current().nextDouble());
        // one thread per delivery of a batch: a slow receiver holds its own thread, not the others'
        this.senders = Executors.newFixedThreadPool(properties.batchSize(), task -> {
            Thread thread = new Thread(task, "webhook-delivery");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The name subscribers use for an event type: {@code article.published} and so on. */
    static String eventName(ArticleChanged.Type type) {
        return "article." + type.name().toLowerCase(Locale.ROOT);
    }

    @ApplicationModuleListener
    void on(ArticleChanged event) {
        String type = eventName(event.type());
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", event.articleId());
        article.put("slug", event.slug());
        article.put("version", event.version());
        if (event.type() != ArticleChanged.Type.DELETED) {
            article.put("url", site.articleUrl(event.slug()));
            article.put("apiUrl", site.apiUrl("/api/v1/articles/" + event.articleId()));
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", event.eventId().toString());
        envelope.put("type", type);
        envelope.put("occurredAt", event.occurredAt().toString());
        envelope.put("article", article);
        store.enqueue(type, event.eventId(), json.writeValueAsString(envelope), now());
    }

    @Scheduled(
            initialDelayString = "${dateline.webhooks.poll-interval:1s}",
            fixedDelayString = "${dateline.webhooks.poll-interval:1s}")
    void scheduled() {
        if (!properties.deliveryEnabled()) {
            return;
        }
        try {
            deliverDue();
        } catch (RuntimeException ex) {
            // the database is away or the like: the deliveries stay due, the next poll takes them
            log.warn("Polling webhook deliveries failed: {}", ex.toString());
        }
    }

    /** Sends every due delivery (in batches), waiting for their outcomes; returns how many were sent. */
    int deliverDue() {
        int sent = 0;
        List<WebhookStore.Claimed> batch;
        do {
            Instant now = now();
            batch = store.claimDue(now, now.plus(properties.lease()), properties.batchSize());
            var outcomes = batch.stream()
                    .map(claimed -> senders.submit(() -> deliver(claimed)))
                    .toList();
            for (var outcome : outcomes) {
                try {
                    outcome.get();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return sent;
                } catch (ExecutionException ex) {
                    log.warn(
                            "A webhook delivery failed to record its outcome: {}",
                            ex.getCause().toString());
                }
            }
            sent += batch.size();
        } while (batch.size() == properties.batchSize());
        return sent;
    }

    private void deliver(WebhookStore.Claimed delivery) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        Instant attemptedAt = now();
        Integer statusCode = null;
        String error = null;
        try {
            statusCode = http.post()
                    .uri(URI.create(delivery.url()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(
                            WebhookSignature.HEADER,
                            WebhookSignature.header(delivery.secret(), attemptedAt.getEpochSecond(), body))
                    .header("Dateline-Event", delivery.eventType())
                    .header("Dateline-Event-Id", delivery.eventId().toString())
                    .header("Dateline-Delivery", String.valueOf(delivery.id()))
                    .body(body)
                    .exchange((request, response) -> response.getStatusCode().value());
            if (statusCode < 200 || statusCode > 299) {
                error = "HTTP " + statusCode;
            }
        } catch (RuntimeException ex) {
            // refused destination, timeout, connection refused; the innermost cause, as the outer
            // messages carry the full URL, whose query may hold a receiver's token
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
            error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        Instant done = now();
        if (error == null) {
            store.finish(
                    delivery.id(), delivery.attempts(), WebhookStore.DELIVERED, statusCode, null, attemptedAt, null);
            return;
        }
        var next = retries.next(delivery.attempts(), delivery.createdAt(), done);
        store.finish(
                delivery.id(),
                delivery.attempts(),
                next.isPresent() ? WebhookStore.PENDING : WebhookStore.FAILED,
                statusCode,
                error,
                attemptedAt,
                next.orElse(null));
        log.info(
                "Webhook delivery {} to {} failed (attempt {}): {}{}",
                delivery.id(),
                OutboundHttp.redact(delivery.url()),
                delivery.attempts(),
                error,
                next.isPresent() ? ", next at " + next.get() : ", given up");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
