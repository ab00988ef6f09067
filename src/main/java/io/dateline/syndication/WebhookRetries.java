package io.dateline.syndication;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential back-off from {@code initialBackoff}, doubled
 * per failed attempt up to {@code maxBackoff}, with "equal jitter" (half the wait fixed, half
 * random) so that deliveries that failed together (a receiver's outage) do not all come back in the
 * same second; given up once {@code retryFor} has passed since the delivery was created.
 */
final class WebhookRetries {

    private final Duration initial;

    private final Duration max;

    private final Duration retryFor;

    private final DoubleSupplier random;

    WebhookRetries(Duration initial, Duration max, Duration retryFor, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.retryFor = retryFor;
        this.random = random;
    }

    /** The wait after {@code attempts} failed attempts, before jitter. */
    Duration backoff(int attempts) {
        long millis = initial.toMillis();
        for (int failed = 1; failed < attempts && millis < max.toMillis(); failed++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /**
     * The next attempt after {@code attempts} failures, or empty once {@code retryFor} has passed
     * since the delivery was created: the last attempt is never earlier than that.
     */
    Optional<Instant> next(int attempts, Instant createdAt, Instant now) {
        if (!now.isBefore(createdAt.plus(retryFor))) {
            return Optional.empty();
        }
        long wait = backoff(attempts).toMillis();
        long fixed = wait / 2;
        return Optional.of(now.plusMillis(fixed + (long) (random.getAsDouble() * (wait - fixed))));
    }
}
