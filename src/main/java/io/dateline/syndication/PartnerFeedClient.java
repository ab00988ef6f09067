package io.dateline.syndication;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.dateline.platform.BlockedDestinationException;
import io.dateline.platform.OutboundHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches a partner's feed and reads its entries with ROME, RSS or Atom alike. Every way a feed can
 * fail (refused by the SSRF guard, unreachable, slow, an error status, too large, not a feed) ends
 * as a {@link FeedFailure}; nothing is written here.
 */
@Component
class PartnerFeedClient {

    private final RestClient http;

    private final PartnerProperties.Import settings;

    PartnerFeedClient(PartnerProperties properties, OutboundHttp outbound) {
        this.settings = properties.importing();
        this.http = outbound.client(settings.connectTimeout(), settings.readTimeout())
                .defaultHeader(
                        HttpHeaders.ACCEPT,
                        "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1")
                .defaultHeader(HttpHeaders.USER_AGENT, "Dateline partner news import")
                .build();
    }

    /** One entry as the feed gives it; the caller decides whether it is usable. */
    record Entry(String title, String link, Instant publishedAt) {}

    /**
     * A feed that could not be imported. Fetch failures share one {@link #GENERIC} text for the
     * editor, so that the failure cannot be used to map which hosts and ports answer; the
     * detail, without the URL's query, is for the log only.
     */
    static class FeedFailure extends RuntimeException {

        static final String GENERIC = "the feed could not be fetched";

        private final String reason;

        FeedFailure(String detail) {
            this(GENERIC, detail);
        }

        private FeedFailure(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        static FeedFailure unreadable() {
            return new FeedFailure("not a well-formed RSS or Atom document", "not a well-formed RSS or Atom document");
        }

        /** What the editor is told. */
        String reason() {
            return reason;
        }
    }

    /** The feed's entries in document order, at most {@code maxItems}. */
    List<Entry> entries(URI feedUrl) {
        Fetched fetched = fetch(feedUrl);
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(fetched.body()), fetched.contentType(), true)) {
            // ROME refuses DOCTYPEs by default, which keeps XXE and entity expansion out.
            feed = new SyndFeedInput().build(reader);
        } catch (FeedException | IOException | IllegalArgumentException ex) {
            throw FeedFailure.unreadable();
        }
        return feed.getEntries().stream()
                .limit(settings.maxItems())
                .map(PartnerFeedClient::entry)
                .toList();
    }

    private record Fetched(byte[] body, String contentType) {}

    private Fetched fetch(URI feedUrl) {
        long max = settings.maxFeedSize().toBytes();
        try {
            return http.get().uri(feedUrl).exchange((request, response) -> {
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new FeedFailure(
                            "HTTP " + response.getStatusCode().value() + " from " + OutboundHttp.redact(feedUrl));
                }
                try (InputStream body = response.getBody()) {
                    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                    if (bytes.length > max) {
                        throw new FeedFailure("larger than " + settings.maxFeedSize());
                    }
                    String type = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
                    return new Fetched(bytes, type);
                }
            });
        } catch (FeedFailure failure) {
            throw failure;
        } catch (ResourceAccessException ex) {
            throw new FeedFailure(unreachable(ex));
        } catch (RestClientException | IllegalArgumentException ex) {
            throw new FeedFailure(ex.getClass().getSimpleName());
        }
    }

    private String unreachable(ResourceAccessException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof FeedFailure failure) {
                throw failure;
            }
            if (cause instanceof BlockedDestinationException blocked) {
                return "refused by the outbound guard: " + blocked.getMessage();
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer within " + settings.readTimeout().toSeconds() + "s";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
        }
        return "unreachable (" + ex.getMostSpecificCause().getClass().getSimpleName() + ")";
    }

    private static Entry entry(SyndEntry entry) {
        String link = entry.getLink();
        if (link == null && entry.getUri() != null) {
            link = entry.getUri();
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return new Entry(entry.getTitle(), link, date == null ? null : date.toInstant());
    }
}
