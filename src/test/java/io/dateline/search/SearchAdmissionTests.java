package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class SearchAdmissionTests {

    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void searchesBeyondTheConcurrencyWaitForARunningOneToFinishAndThenRunInTheOrderTheyCame() throws Exception {
        SearchAdmission admission = admission(1, Duration.ofSeconds(10));
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
            firstRunning.countDown();
            await(finishFirst);
            ran.add("first");
            return "first";
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
            ran.add("second");
            return "second";
        }));
        awaitWaiting(1);
        CompletableFuture<String> third = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
            ran.add("third");
            return "third";
        }));
        awaitWaiting(2);
        assertThat(ran).isEmpty();
        finishFirst.countDown();

        assertThat(List.of(
                        first.get(5, TimeUnit.SECONDS),
                        second.get(5, TimeUnit.SECONDS),
                        third.get(5, TimeUnit.SECONDS)))
                .containsExactly("first", "second", "third");
        assertThat(ran).containsExactly("first", "second", "third");
        assertThat(gauge("dateline.search.admission.running")).isZero();
        assertThat(meters.get("dateline.search.admission.wait").timer().count()).isEqualTo(3);
    }

    @Test
    void aSearchWhoseTurnDoesNotComeInTimeIsRefusedAsBusyWithoutRunning() throws Exception {
        SearchAdmission admission = admission(1, Duration.ofMillis(100));
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
            firstRunning.countDown();
            await(finishFirst);
            return "first";
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        List<String> ran = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> admission.admit(() -> ran.add("late")))
                .isInstanceOfSatisfying(SearchBusyException.class, busy -> {
                    assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(busy.getBody().getType()).hasToString("/problems/search-busy");
                    assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                            .isEqualTo("1");
                });

        assertThat(ran).isEmpty();
        assertThat(meters.get("dateline.search.admission.refused").counter().count())
                .isEqualTo(1);
        finishFirst.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(admission.admit(() -> "next")).isEqualTo("next");
    }

    @Test
    void aSearchThatFailsGivesItsTurnBack() {
        SearchAdmission admission = admission(1, Duration.ZERO);

        assertThatThrownBy(() -> admission.admit(() -> {
                    throw new IllegalStateException("the database went away");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(admission.admit(() -> "next")).isEqualTo("next");
        assertThat(gauge("dateline.search.admission.running")).isZero();
    }

    @Test
    void concurrencyZeroTakesTwoSearchesPerProcessor() {
        assertThat(properties(0, Duration.ofSeconds(2)).concurrencyOrDefault(2)).isEqualTo(4);
        assertThat(properties(3, Duration.ofSeconds(2)).concurrencyOrDefault(2)).isEqualTo(3);
        assertThatThrownBy(() -> properties(-1, Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> properties(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private SearchAdmission admission(int concurrency, Duration queueWait) {
        return new SearchAdmission(properties(concurrency, queueWait), meters);
    }

    private static SearchProperties properties(int concurrency, Duration queueWait) {
        return new SearchProperties(Duration.ofDays(30), 200, 0.4, Duration.ofSeconds(2), 1000, concurrency, queueWait);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private void awaitWaiting(int searches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gauge("dateline.search.admission.waiting") < searches) {
            assertThat(System.nanoTime()).as("searches waiting in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
