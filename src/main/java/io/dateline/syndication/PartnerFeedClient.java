package io.dateline.syndication;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches a partner's feed and reads its entries with ROME, RSS or Atom alike. Every way a feed can
 * fail (unreachable, slow, an error status, too large, not a feed) ends as a {@link FeedFailure}
 * with a short reason an editor can act on; nothing is written here.
 */
@Component
class PartnerFeedClient {

    private final RestClient http;

    private final PartnerProperties.Import settings;

    PartnerFeedClient(PartnerProperties properties) {
        this.settings = properties.importing();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder()
                .requestFactory(requests)
                .defaultHeader(
                        HttpHeaders.ACCEPT,
                        "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1")
                .defaultHeader(HttpHeaders.USER_AGENT, "Dateline partner news import")
                .build();
    }

    /** One entry as the feed gives it; the caller decides whether it is usable. */
    record Entry(String title, String link, Instant publishedAt) {}

    static class FeedFailure extends RuntimeException {

        FeedFailure(String reason) {
            super(reason, null, false, false);
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
            throw new FeedFailure("not a well-formed RSS or Atom document");
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
                    throw new FeedFailure("HTTP " + response.getStatusCode().value() + " from the partner's server");
                }
                try (InputStream body = response.getBody()) {
                    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                    if (bytes.length > max) {
                        throw new FeedFailure("the feed is larger than " + settings.maxFeedSize());
                    }
                    String type = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
                    return new Fetched(bytes, type);
                }
            });
        } catch (ResourceAccessException ex) {
            throw new FeedFailure(unreachable(ex));
        } catch (RestClientException | IllegalArgumentException ex) {
            throw new FeedFailure("the feed could not be fetched");
        }
    }

    private String unreachable(ResourceAccessException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof FeedFailure failure) {
                throw failure;
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "no answer within " + settings.readTimeout().toSeconds() + "s";
            }
            if (cause instanceof ConnectException) {
                return "the partner's server refused the connection";
            }
        }
        return "the partner's server could not be reached";
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
