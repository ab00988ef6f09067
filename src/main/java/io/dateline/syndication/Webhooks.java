package io.dateline.syndication;

import io.dateline.newsroom.ArticleChanged;
import io.dateline.platform.Cursors;
import io.dateline.platform.InvalidFieldsException;
import io.dateline.platform.OutboundHttp;
import io.dateline.platform.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Webhook subscriptions and their delivery log. A URL is checked against the SSRF rules here, so
 * that the admin learns at once, and again at every delivery (DNS may have changed since).
 */
@Service
class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    static final Set<String> EVENT_TYPES = Stream.of(ArticleChanged.Type.values())
            .map(WebhookDeliveries::eventName)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    static final int MAX_PAGE_SIZE = 100;

    private final WebhookStore store;

    private final OutboundHttp outbound;

    private final Cursors cursors;

    private final Clock clock;

    Webhooks(WebhookStore store, OutboundHttp outbound, Cursors cursors, Clock clock) {
        this.store = store;
        this.outbound = outbound;
        this.cursors = cursors;
        this.clock = clock;
    }

    WebhookResponse create(WebhookRequest request) {
        List<String> types = check(request, true);
        long id = store.insert(request.url().strip(), types, request.secret(), request.description(), now());
        return get(id);
    }

    WebhookResponse replace(long id, WebhookRequest request) {
        List<String> types = check(request, false);
        if (!store.update(id, request.url().strip(), types, request.secret(), request.description(), now())) {
            throw notFound(id);
        }
        return get(id);
    }

    void delete(long id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
    }

    WebhookResponse get(long id) {
        return WebhookResponse.from(store.find(id).orElseThrow(() -> notFound(id)));
    }

    WebhookResponse.WebhookList list() {
        return new WebhookResponse.WebhookList(
                store.list().stream().map(WebhookResponse::from).toList());
    }

    WebhookDeliveryResponse.WebhookDeliveryPage deliveries(long id, String cursor, int size) {
        get(id);
        String query = "webhook-deliveries|" + id;
        Long before = cursor == null
                ? null
                : Long.valueOf(cursors.decode(cursor, query).get(0));
        List<WebhookStore.Delivery> rows = store.deliveries(id, before, size + 1);
        List<WebhookStore.Delivery> page = rows.subList(0, Math.min(size, rows.size()));
        String next = rows.size() > size
                ? cursors.encode(
                        query, List.of(String.valueOf(page.get(page.size() - 1).id())))
                : null;
        return new WebhookDeliveryResponse.WebhookDeliveryPage(
                page.stream().map(WebhookDeliveryResponse::from).toList(), next);
    }

    WebhookDeliveryResponse replay(long id, long deliveryId) {
        get(id);
        long replay = store.replay(id, deliveryId, now())
                .orElseThrow(() -> new ProblemException(
                                HttpStatus.NOT_FOUND,
                                "webhook-delivery-not-found",
                                "Delivery not found",
                                "Webhook " + id + " has no delivery " + deliveryId + ".")
                        .with("deliveryId", deliveryId));
        return WebhookDeliveryResponse.from(store.delivery(id, replay).orElseThrow());
    }

    /** The request's event types, de-duplicated; a 400 for anything else the request gets wrong. */
    private List<String> check(WebhookRequest request, boolean creating) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (creating && (request.secret() == null || request.secret().isBlank())) {
            errors.add(Map.of("field", "secret", "message", "is required to create a webhook"));
        }
        List<String> unknown = request.eventTypes().stream()
                .filter(type -> !EVENT_TYPES.contains(type))
                .toList();
        if (!unknown.isEmpty()) {
            errors.add(Map.of("field", "eventTypes", "message", "unknown " + unknown + "; known: " + EVENT_TYPES));
        }
        URI url = null;
        try {
            url = new URI(request.url().strip());
        } catch (URISyntaxException ex) {
            errors.add(Map.of("field", "url", "message", "is not a URL"));
        }
        if (url != null) {
            URI checked = url;
            outbound.refusal(url).ifPresent(reason -> {
                log.info("Refused webhook URL {}: {}", OutboundHttp.redact(checked), reason);
                errors.add(Map.of("field", "url", "message", "must be a public http or https address: " + reason));
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return List.copyOf(new LinkedHashSet<>(request.eventTypes()));
    }

    private static ProblemException notFound(long id) {
        return new ProblemException(
                        HttpStatus.NOT_FOUND, "webhook-not-found", "Webhook not found", "No webhook has id " + id + ".")
                .with("webhookId", id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
