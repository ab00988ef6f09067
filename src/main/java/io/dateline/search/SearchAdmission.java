package io.dateline.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Lets at most {@code dateline.search.concurrency} searches read the database at once; the others
 * wait their turn, first come first served, for at most {@code dateline.search.queue-wait}, and are
 * then answered 503 {@code search-busy}.
 *
 * <p>Why: a search is CPU work in both the service and PostgreSQL, and on a machine with few cores
 * many searches at once only share the cores. Shared, every search takes as long as all of them
 * together, and the ones that read twice (a walk on, an index read) take twice that: under load the
 * slowest were 2.5 times the median. Taken in turn, each search runs at nearly its own speed and
 * waits about as long as any other, so the slow ones are slow by their own work, not by everyone
 * else's. A search also holds a pooled connection only while it runs, never while it waits, so a
 * burst of searches cannot take every connection the feed and the article pages need, and a stalled
 * database queues searches for a bounded time instead of piling up request threads. Pages served
 * from the anonymous page cache never come here.
 */
@Component
class SearchAdmission {

    private final Semaphore running;

    private final long queueWaitNanos;

    private final Timer waits;

    private final Counter refused;

    SearchAdmission(SearchProperties properties, MeterRegistry meters) {
        int concurrency = properties.concurrencyOrDefault(Runtime.getRuntime().availableProcessors());
        this.running = new Semaphore(concurrency, true);
        this.queueWaitNanos = properties.queueWait().toNanos();
        this.waits = Timer.builder("dateline.search.admission.wait")
                .description("How long searches waited for their turn to read the database")
                .register(meters);
        this.refused = Counter.builder("dateline.search.admission.refused")
                .description("Searches answered 503 search-busy after waiting dateline.search.queue-wait")
                .register(meters);
        Gauge.builder("dateline.search.admission.waiting", running, Semaphore::getQueueLength)
                .description("Searches waiting for their turn")
                .register(meters);
        Gauge.builder("dateline.search.admission.running", running, permits -> concurrency - permits.availablePermits())
                .description("Searches reading the database")
                .register(meters);
    }

    /** Runs {@code search} when its turn comes; throws {@link SearchBusyException} if it does not come in time. */
    <T> T admit(Supplier<T> search) {
        long started = System.nanoTime();
        boolean admitted;
        try {
            admitted = running.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SearchBusyException();
        }
        waits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (!admitted) {
            refused.increment();
            throw new SearchBusyException();
        }
        try {
            return search.get();
        } finally {
            running.release();
        }
    }
}
