package io.dateline.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dateline.platform.OutboundHttp;
import io.dateline.platform.OutboundProperties;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The fetching and parsing half of the import, against a local stub, with short timeouts. */
class PartnerFeedClientTests {

    static PartnerFeedStub stub;

    /** The stub listens on loopback, so it is allow-listed; nothing else internal is. */
    static final OutboundHttp LOOPBACK_ALLOWED =
            new OutboundHttp(new OutboundProperties(List.of("127.0.0.1/32"), List.of(), 3));

    final PartnerFeedClient client = new PartnerFeedClient(
            new PartnerProperties(new PartnerProperties.Import(
                    false,
                    "0 */15 * * * *",
                    Duration.ofSeconds(2),
                    Duration.ofMillis(500),
                    DataSize.ofKilobytes(64),
                    100)),
            LOOPBACK_ALLOWED);

    @BeforeAll
    static void start() {
        stub = new PartnerFeedStub(Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Test
    void readsRssEntriesWithTheirDates() {
        List<PartnerFeedClient.Entry> entries = client.entries(URI.create(stub.url("/rss.xml")));

        assertThat(entries).hasSize(5);
        assertThat(entries.get(0).title()).isEqualTo("Центробанк сохранил ключевую ставку");
        assertThat(entries.get(0).link()).isEqualTo("https://wire.example.org/" + stub.tag + "/rates");
        assertThat(entries.get(0).publishedAt()).isEqualTo(Instant.parse("2024-05-01T07:15:00Z"));
        assertThat(entries.get(1).publishedAt()).isEqualTo(Instant.parse("2024-04-30T15:00:00Z"));
        assertThat(entries.get(3).link()).isEqualTo("javascript:alert(1)");
    }

    @Test
    void readsAtomEntriesFallingBackToTheUpdatedDate() {
        List<PartnerFeedClient.Entry> entries = client.entries(URI.create(stub.url("/atom.xml")));

        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).link()).isEqualTo("https://review.example.net/" + stub.tag + "/markets");
        assertThat(entries.get(0).publishedAt()).isEqualTo(Instant.parse("2024-05-02T05:30:00Z"));
        assertThat(entries.get(1).publishedAt()).isEqualTo(Instant.parse("2024-05-01T20:00:00Z"));
    }

    @Test
    void aMalformedDocumentIsAFailure() {
        assertThatThrownBy(() -> client.entries(URI.create(stub.url("/malformed.xml"))))
                .isInstanceOf(PartnerFeedClient.FeedFailure.class)
                .hasMessage("not a well-formed RSS or Atom document");
    }

    @Test
    void anHtmlPageIsAFailure() {
        assertThatThrownBy(() -> client.entries(URI.create(stub.url("/not-a-feed"))))
                .isInstanceOf(PartnerFeedClient.FeedFailure.class)
                .hasMessage("not a well-formed RSS or Atom document");
    }

    @Test
    void anErrorStatusIsAFailure() {
        assertThatThrownBy(() -> client.entries(URI.create(stub.url("/error"))))
                .isInstanceOf(PartnerFeedClient.FeedFailure.class)
                .hasMessageStartingWith("HTTP 500 from")
                .extracting(failure -> ((PartnerFeedClient.FeedFailure) failure).reason())
                .isEqualTo(PartnerFeedClient.FeedFailure.GENERIC);
    }

    @Test
    void aSlowServerTimesOut() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.entries(URI.create(stub.url("/slow"))))
                .isInstanceOf(PartnerFeedClient.FeedFailure.class)
                .hasMessageStartingWith("no answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aClosedPortIsAFailure() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> client.entries(URI.create("http://127.0.0.1:" + port + "/rss.xml")))
                .isInstanceOf(PartnerFeedClient.FeedFailure.class)
                .hasMessageContaining("refused")
                .extracting(failure -> ((PartnerFeedClient.FeedFailure) failure).reason())
                .isEqualTo(PartnerFeedClient.FeedFailure.GENERIC);
    }

    @Test
    void anOversizedFeedIsRefused() {
        PartnerFeedClient tiny = new PartnerFeedClient(
                new PartnerProperties(new PartnerProperties.Import(
                        false,
                        "0 */15 * * * *",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        DataSize.ofBytes(100),
                        100)),
                LOOPBACK_ALLOWED);

        assertThatThrownBy(() -> tiny.entries(URI.create(stub.url("/rss.xml"))))
                .isInstanceOf(PartnerFeedClient.FeedFailure.class)
                .hasMessageStartingWith("larger than");
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        URI base = URI.create("https://wire.example.org/feeds/rss.xml");

        assertThat(HttpUrls.resolve(base, "/a/b")).contains(URI.create("https://wire.example.org/a/b"));
        assertThat(HttpUrls.resolve(base, "javascript:alert(1)")).isEmpty();
        assertThat(HttpUrls.resolve(base, "JavaScript:alert(1)")).isEmpty();
        assertThat(HttpUrls.resolve(base, "data:text/html,x")).isEmpty();
        assertThat(HttpUrls.resolve(base, "ftp://wire.example.org/x")).isEmpty();
        assertThat(HttpUrls.resolve(null, "//wire.example.org/x")).isEmpty();
        assertThat(HttpUrls.isHttp("HTTPS://wire.example.org/x")).isTrue();
    }
}
