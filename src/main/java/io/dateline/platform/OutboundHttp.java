package io.dateline.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The one way the service fetches from URLs that an editor, a partner or an operator chose. The
 * address is checked where the connection is made (the HTTP client's DNS resolver answers only with
 * checked addresses, so a name cannot resolve to a public address for the check and to an internal
 * one for the connection), and redirects are followed here, each hop checked again.
 */
@Component
public class OutboundHttp {

    private final Destinations destinations;

    private final int maxRedirects;

    public OutboundHttp(OutboundProperties properties) {
        this.destinations = new Destinations(properties);
        this.maxRedirects = properties.maxRedirects();
    }

    /** A client with the given timeouts; a refused destination ends as a {@link BlockedDestinationException}. */
    public RestClient.Builder client(Duration connectTimeout, Duration readTimeout) {
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return destinations.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .build())
                // no system proxy: a proxy would connect on our behalf to addresses never checked
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        return RestClient.builder()
                .requestFactory(new HttpComponentsClientHttpRequestFactory(client))
                .requestInterceptor(new CheckedRedirects());
    }

    /**
     * Why the URL may not be fetched, for checking an editor's input before it is stored: scheme,
     * port, and the addresses its host resolves to now (a host that does not resolve yet passes;
     * every fetch checks again).
     */
    public Optional<String> refusal(URI url) {
        Optional<String> refused = destinations.refuseUrl(url);
        if (refused.isPresent()) {
            return refused;
        }
        try {
            destinations.resolve(url.getHost());
            return Optional.empty();
        } catch (BlockedDestinationException ex) {
            return Optional.of(ex.getMessage());
        } catch (UnknownHostException ex) {
            return Optional.empty();
        }
    }

    /** The URL without user info, query or fragment, which may carry secrets: fit for a log line. */
    public static String redact(URI url) {
        if (url == null) {
            return null;
        }
        if (url.getHost() == null) {
            return url.getScheme() == null ? "(relative URL)" : url.getScheme() + ":…";
        }
        String port = url.getPort() == -1 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?…";
        return url.getScheme() + "://" + url.getHost() + port + path + query;
    }

    /** {@link #redact(URI)} for a URL kept as text, which may not even parse. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        try {
            return redact(URI.create(url));
        } catch (IllegalArgumentException ex) {
            return "(unparsable URL)";
        }
    }

    private final class CheckedRedirects implements ClientHttpRequestInterceptor {

        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            URI uri = check(request.getURI());
            ClientHttpResponse response = execution.execute(request, body);
            int hops = 0;
            while (response.getStatusCode().is3xxRedirection()
                    && response.getHeaders().getFirst(HttpHeaders.LOCATION) != null) {
                URI next;
                try {
                    next = uri.resolve(response.getHeaders().getFirst(HttpHeaders.LOCATION));
                } catch (IllegalArgumentException ex) {
                    response.close();
                    throw new BlockedDestinationException("redirect to an unparsable location");
                }
                response.close();
                if (++hops > maxRedirects) {
                    throw new BlockedDestinationException("more than " + maxRedirects + " redirects");
                }
                uri = check(next);
                URI target = uri;
                HttpRequest hop = new HttpRequestWrapper(request) {
                    @Override
                    public URI getURI() {
                        return target;
                    }

                    @Override
                    public HttpMethod getMethod() {
                        return HttpMethod.GET;
                    }
                };
                response = execution.execute(hop, new byte[0]);
            }
            return response;
        }

        private URI check(URI uri) throws BlockedDestinationException {
            Optional<String> refused = destinations.refuseUrl(uri);
            if (refused.isPresent()) {
                throw new BlockedDestinationException(redact(uri) + ": " + refused.get());
            }
            return uri;
        }
    }
}
