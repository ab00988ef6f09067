package io.dateline.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookRetriesTests {

    private static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");

    private final WebhookRetries noJitter =
            new WebhookRetries(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24), () -> 1.0);

    @Test
    void theWaitDoublesPerFailureUpToTheMaximum() {
        assertThat(noJitter.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(noJitter.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(noJitter.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(noJitter.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(noJitter.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterKeepsAtLeastHalfOfTheWait() {
        WebhookRetries noRandom =
                new WebhookRetries(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24), () -> 0.0);
        Instant now = CREATED.plusSeconds(10);

        assertThat(noRandom.next(3, CREATED, now)).contains(now.plus(Duration.ofMinutes(1)));
        assertThat(noJitter.next(3, CREATED, now)).contains(now.plus(Duration.ofMinutes(2)));
    }

    @Test
    void retriesGoOnForADayThenStop() {
        Instant now = CREATED;
        int attempts = 0;
        while (true) {
            attempts++;
            var next = noJitter.next(attempts, CREATED, now);
            if (next.isEmpty()) {
                break;
            }
            now = next.get();
        }

        assertThat(now).isAfterOrEqualTo(CREATED.plus(Duration.ofHours(24)));
        assertThat(now).isBefore(CREATED.plus(Duration.ofHours(25)));
        assertThat(attempts).isBetween(25, 40);
    }
}
