package io.dateline.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.client.RestClient;

/**
 * Asks a CDN to drop the pages a committed change affects, by the surrogate keys those pages carry
 * ({@link SurrogateKeys}): {@code POST dateline.cdn.purge-url} with {@code {"tags":[...]}} as JSON
 * and the same keys in a {@code Surrogate-Key} header, which covers the common purge-by-tag APIs
 * directly or through a small adapter.
 *
 * <p>It never holds up or fails the editor's write: it runs after the commit, on its own thread,
 * through the SSRF-checked {@link OutboundHttp}; keys of changes that arrive while a call is under
 * way are merged into the next call. A failed call is logged and counted
 * ({@code dateline.cdn.purges{outcome=failure}}), not retried: the pages then live out their max-age.
 * Only the instance where the change happened purges; a change relayed from another instance
 * ({@link ClusterEvictions}) was purged there.
 */
public class CdnPurge implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CdnPurge.class);

    private final RestClient client;

    private final CdnProperties properties;

    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cdn-purge");
        thread.setDaemon(true);
        return thread;
    });

    private final Counter succeeded;

    private final Counter failed;

    CdnPurge(CdnProperties properties, OutboundHttp outbound, MeterRegistry meters) {
        this.properties = properties;
        this.client = outbound.client(properties.connectTimeout(), properties.readTimeout())
                .build();
        this.succeeded = Counter.builder("dateline.cdn.purges")
                .tag("outcome", "success")
                .description("Purge calls to the CDN")
                .register(meters);
        this.failed = Counter.builder("dateline.cdn.purges")
                .tag("outcome", "failure")
                .description("Purge calls to the CDN")
                .register(meters);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void purge(PublicPagesChanged change) {
        if (ClusterEvictions.isRelayed()) {
            return;
        }
        pending.add(
                change.scope() == PublicPagesChanged.Scope.CURRENCY ? SurrogateKeys.CURRENCY : SurrogateKeys.ARTICLES);
        worker.execute(this::send);
    }

    private void send() {
        List<String> keys = new ArrayList<>();
        for (String key : new TreeSet<>(pending)) {
            if (pending.remove(key)) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        try {
            RestClient.RequestBodySpec request = client.post()
                    .uri(properties.purgeUrl())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(SurrogateKeys.SURROGATE_KEY, String.join(" ", keys));
            if (properties.purgeToken() != null && !properties.purgeToken().isBlank()) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.purgeToken());
            }
            request.body(Map.of("tags", keys)).retrieve().toBodilessEntity();
            succeeded.increment();
            log.debug("CDN purged {}", keys);
        } catch (RuntimeException ex) {
            failed.increment();
            log.warn(
                    "CDN purge of {} at {} failed ({}); those pages live out their max-age",
                    keys,
                    OutboundHttp.redact(properties.purgeUrl()),
                    ex.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(2, TimeUnit.SECONDS);
    }
}
