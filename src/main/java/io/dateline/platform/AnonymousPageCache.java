package io.dateline.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves anonymous reads of the public API from memory: the rendered body with its ETag and the
 * headers the application and Spring Security wrote, keyed by path, sorted query and Accept. A hit
 * costs no database work and skips the security chain (which sits after this filter), while the
 * request id filter and the HTTP server observation (before it) still run.
 *
 * <p>What is never served from here nor stored: requests with Authorization or Cookie headers
 * (personalised feeds, editors' views), anything but GET and HEAD, admin and "me" paths, and
 * responses that are not a 200 the page itself allows shared caches to keep (public max-age, no
 * private/no-store/no-cache, no Set-Cookie, no Vary by a header the key does not cover). A page lives at most its own
 * max-age; a change on this instance drops it at once ({@link PublicPagesChanged}); a change on
 * another instance arrives within a second through {@link ClusterEvictions}, and at the latest
 * when the max-age runs out should that channel be down.
 *
 * <p>Each page is rendered by one reader at a time: readers of a page being rendered for the first
 * time wait for that render (unless a change came in since it began), and a page near the end of
 * its life is renewed by one reader while the others are served it ({@link Page}).
 */
@Order(AnonymousPageCache.FILTER_ORDER)
public class AnonymousPageCache extends OncePerRequestFilter {

    /**
     * After the request id and size limit filters, before Spring Security's chain: a cached page is
     * answered without authentication or authorization work. Filters that must see every request,
     * cached or not (rate limiting of expensive work excepted), go before this order.
     */
    public static final int FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10;

    private static final char PARAMETER = '\u0001';

    private static final char VALUE = '\u0002';

    /** Longer targets are not cached, so that nobody can fill memory with unique long URLs cheaply. */
    private static final int MAX_TARGET_LENGTH = 1024;

    /** Per request or per connection: never replayed. Content-Type travels separately. */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "x-request-id", "date", "content-length", "content-type", "transfer-encoding", "connection", "keep-alive");

    /**
     * Request headers a page may vary by: Accept is part of the key; Authorization is absent from
     * every request this cache serves; Accept-Encoding is applied by the server after this filter.
     */
    private static final Set<String> KEYED_OR_ABSENT = Set.of("accept", "authorization", "accept-encoding");

    /**
     * Written per request by the CORS filter, which runs before this one: a page neither keeps
     * them (they belong to the request that rendered it) nor is made uncachable by its Vary.
     */
    private static final Set<String> CROSS_ORIGIN_VARY =
            Set.of("origin", "access-control-request-method", "access-control-request-headers");

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age=(\\d+)");

    private static final Set<String> FORBIDDING = Set.of("private", "no-store", "no-cache");

    /**
     * How long a reader waits for another's first render of the same page before rendering it
     * itself: longer than a read may take (its statement timeout, 2 s by default, plus the network
     * margin), so that a waiting reader normally gets the page or learns there is none.
     */
    private static final Duration FIRST_RENDER_WAIT = Duration.ofSeconds(3);

    private final PageCacheProperties properties;

    private final Clock clock;

    private final Cache<Key, Page> pages;

    private final Map<PublicPagesChanged.Scope, AtomicLong> generations = new EnumMap<>(PublicPagesChanged.Scope.class);

    private final String staleDirectives;

    /**
     * Pages being rendered for a first time, by key: a reader that finds no page while another
     * renders it waits for that render instead of rendering the same page at once (at a start, 32
     * readers of the same 20 searches rendered each of them 32 times, and some waited for a database
     * connection until they failed).
     */
    private final ConcurrentMap<Key, Rendering> rendering = new ConcurrentHashMap<>();

    AnonymousPageCache(PageCacheProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        for (PublicPagesChanged.Scope scope : PublicPagesChanged.Scope.values()) {
            generations.put(scope, new AtomicLong());
        }
        this.staleDirectives = ", stale-while-revalidate="
                + properties.staleWhileRevalidate().toSeconds() + ", stale-if-error="
                + properties.staleIfError().toSeconds();
        // the application clock rather than System.nanoTime: a page expires when the application
        // thinks its max-age has passed, also under a test's clock
        this.pages = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((Key key, Page page) -> key.weight() + page.weight())
                .expireAfter(new Expiry<Key, Page>() {
                    @Override
                    public long expireAfterCreate(Key key, Page page, long currentTime) {
                        return page.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Page page, long currentTime, long currentDuration) {
                        return page.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(Key key, Page page, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, pages, "pages");
        Gauge.builder(
                        "dateline.page.cache.hit.ratio",
                        pages,
                        cache -> cache.stats().hitRate())
                .description("Share of anonymous page reads answered from memory since start")
                .register(meters);
        Gauge.builder(
                        "dateline.page.cache.bytes",
                        pages,
                        cache -> cache.policy()
                                .eviction()
                                .map(eviction -> eviction.weightedSize().orElse(0))
                                .orElse(0L))
                .description("Bytes of pages held, bounded by dateline.page-cache.max-size")
                .baseUnit("bytes")
                .register(meters);
    }

    /**
     * Runs after the writer's commit, and after the in-memory tables (ordered before it) reloaded:
     * a page rendered from a table that still held the old data would otherwise be stored again.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void evict(PublicPagesChanged change) {
        // first the generation, so that a request rendered before the change does not store its page
        generations.get(change.scope()).incrementAndGet();
        pages.asMap().keySet().removeIf(key -> key.scope() == change.scope());
    }

    /** Bytes held after pending evictions ran. */
    long bytesHeld() {
        pages.cleanUp();
        return pages.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Key key = properties.enabled() ? keyOf(request) : null;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean get = request.getMethod().equals("GET");
        Page cached = pages.getIfPresent(key);
        if (cached != null && !(get && cached.claimRefresh(clock.millis()))) {
            cached.writeTo(request, response);
            return;
        }
        long generation = generations.get(key.scope()).get();
        Rendering mine = null;
        if (cached == null && get) {
            Rendering ours = new Rendering(generation, new CompletableFuture<>());
            Rendering theirs = rendering.putIfAbsent(key, ours);
            if (theirs == null) {
                mine = ours;
            } else {
                Page theirPage = theirs.await(FIRST_RENDER_WAIT);
                // rendered from what this reader would have seen: no change since the render began
                if (theirPage != null && theirs.generation() == generation) {
                    theirPage.writeTo(request, response);
                    return;
                }
            }
        }
        try {
            render(request, response, chain, key, get, generation, mine);
        } finally {
            if (mine != null) {
                rendering.remove(key, mine);
                mine.page().complete(null);
            }
        }
    }

    private void render(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            Key key,
            boolean get,
            long generation,
            Rendering mine)
            throws ServletException, IOException {
        ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
        chain.doFilter(get ? new UnconditionalRequest(request) : request, rendered);
        String cacheControl = rendered.getHeader(HttpHeaders.CACHE_CONTROL);
        if (rendered.getStatus() == HttpServletResponse.SC_OK && isPublic(cacheControl)) {
            rendered.setHeader(HttpHeaders.CACHE_CONTROL, withStaleDirectives(cacheControl));
        }
        Page page = get ? Page.of(rendered, clock.millis()) : null;
        if (page != null && generations.get(key.scope()).get() == generation) {
            pages.put(key, page);
            // a change that committed between the check and the put must not leave this page behind
            if (generations.get(key.scope()).get() != generation) {
                pages.invalidate(key);
            } else if (mine != null) {
                mine.page().complete(page);
            }
        }
        // the headers are already on the response; only the body or a 304 remains to be decided
        if (get
                && rendered.getStatus() == HttpServletResponse.SC_OK
                && notModified(
                        request,
                        rendered.getHeader(HttpHeaders.ETAG),
                        epochMillis(rendered.getHeader(HttpHeaders.LAST_MODIFIED)))) {
            rendered.resetBuffer();
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        rendered.copyBodyToResponse();
    }

    /**
     * The conditional GET rules of RFC 9110 for the validators this filter hid from the application:
     * If-None-Match by weak comparison, else If-Modified-Since against Last-Modified.
     */
    private static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return etag != null && ETags.noneMatchHits(ifNoneMatch, etag);
        }
        if (lastModified < 0) {
            return false;
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since >= 0 && lastModified / 1000 <= since / 1000;
        } catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static long epochMillis(String httpDate) {
        if (httpDate == null) {
            return -1;
        }
        try {
            return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException ex) {
            return -1;
        }
    }

    /** The cache key of an eligible request, or null when the request must go through. */
    private static Key keyOf(HttpServletRequest request) {
        if (!PublicReads.isAnonymousRead(request)) {
            return null;
        }
        if (request.getContentType() != null
                || request.getContentLengthLong() > 0
                || request.getHeader("Transfer-Encoding") != null) {
            // a read carries no body; one that does goes through, so that reading the parameters here
            // never parses a form or multipart body outside the dispatcher's error handling
            return null;
        }
        String path = request.getRequestURI();
        if (!PublicReads.isPublicPath(path)) {
            return null;
        }
        String parameters = canonicalParameters(request.getParameterMap());
        if (parameters == null || path.length() + parameters.length() > MAX_TARGET_LENGTH) {
            return null;
        }
        String target = path + parameters;
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        PublicPagesChanged.Scope scope =
                PublicReads.isCurrencyPath(path) ? PublicPagesChanged.Scope.CURRENCY : PublicPagesChanged.Scope.CONTENT;
        return new Key(scope, target, accept == null ? "" : accept);
    }

    /**
     * The decoded parameters in name order: the same parameters in any order or spelling
     * ({@code %20} or {@code +}) are the same page. Parameters are separated by control characters;
     * a request whose parameters contain them is not cached at all, or it could pose as another
     * parameter set and plant its page under that set's key. Null means "do not cache".
     */
    private static String canonicalParameters(Map<String, String[]> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String[]> parameter : new TreeMap<>(parameters).entrySet()) {
            for (String value : parameter.getValue()) {
                if (hasSeparator(parameter.getKey()) || hasSeparator(value)) {
                    return null;
                }
                canonical
                        .append(PARAMETER)
                        .append(parameter.getKey())
                        .append(VALUE)
                        .append(value);
            }
        }
        return canonical.toString();
    }

    private static boolean hasSeparator(String text) {
        return text.indexOf(PARAMETER) >= 0 || text.indexOf(VALUE) >= 0;
    }

    private static boolean isPublic(String cacheControl) {
        if (cacheControl == null || !MAX_AGE.matcher(cacheControl).find()) {
            return false;
        }
        for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
            if (FORBIDDING.contains(directive.trim())) {
                return false;
            }
        }
        return true;
    }

    private String withStaleDirectives(String cacheControl) {
        return cacheControl.contains("stale-while-revalidate") ? cacheControl : cacheControl + staleDirectives;
    }

    record Key(PublicPagesChanged.Scope scope, String target, String accept) {

        int weight() {
            return 64 + 2 * (target.length() + accept.length());
        }
    }

    /**
     * A first render of a page under way: the generation of its scope when it began, and the page
     * once stored (null when it was not a page to keep, or a change came in between).
     */
    private record Rendering(long generation, CompletableFuture<Page> page) {

        /** The page, or null when there is none or it took longer than {@code wait}. */
        Page await(Duration wait) {
            try {
                return page.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | TimeoutException ex) {
                return null;
            }
        }
    }

    /**
     * A rendered 200, with the headers to replay and how long it may be served. Past three quarters
     * of its life the first request to read it renders the page again while every other request is
     * still served this one: a popular page is renewed before it expires, by one request, instead of
     * every concurrent reader rendering it at once when it does (a stampede that set search's p99).
     * No page is served past its max-age.
     */
    record Page(
            byte[] body,
            String contentType,
            List<String[]> headers,
            String etag,
            long lastModified,
            long ttlNanos,
            long refreshAtMillis,
            AtomicBoolean refreshing) {

        /** True for the one caller that should render this page again now. */
        boolean claimRefresh(long nowMillis) {
            return nowMillis >= refreshAtMillis && refreshing.compareAndSet(false, true);
        }

        static Page of(ContentCachingResponseWrapper rendered, long nowMillis) {
            if (rendered.getStatus() != HttpServletResponse.SC_OK) {
                return null;
            }
            String cacheControl = rendered.getHeader(HttpHeaders.CACHE_CONTROL);
            if (!isPublic(cacheControl) || rendered.getHeader(HttpHeaders.SET_COOKIE) != null) {
                return null;
            }
            List<String> vary = new ArrayList<>();
            for (String value : rendered.getHeaders(HttpHeaders.VARY)) {
                for (String name : value.split(",")) {
                    String lower = name.trim().toLowerCase(Locale.ROOT);
                    if (CROSS_ORIGIN_VARY.contains(lower)) {
                        continue;
                    }
                    if (!KEYED_OR_ABSENT.contains(lower)) {
                        return null;
                    }
                    vary.add(name.trim());
                }
            }
            Matcher maxAge = MAX_AGE.matcher(cacheControl);
            maxAge.find();
            long seconds = Long.parseLong(maxAge.group(1));
            if (seconds <= 0) {
                return null;
            }
            List<String[]> headers = new ArrayList<>();
            for (String name : rendered.getHeaderNames()) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("vary")) {
                    vary.forEach(value -> headers.add(new String[] {name, value}));
                } else if (!NOT_REPLAYED.contains(lower) && !lower.startsWith("access-control-")) {
                    for (String value : rendered.getHeaders(name)) {
                        headers.add(new String[] {name, value});
                    }
                }
            }
            return new Page(
                    rendered.getContentAsByteArray(),
                    rendered.getContentType(),
                    List.copyOf(headers),
                    rendered.getHeader(HttpHeaders.ETAG),
                    epochMillis(rendered.getHeader(HttpHeaders.LAST_MODIFIED)),
                    TimeUnit.SECONDS.toNanos(seconds),
                    nowMillis + TimeUnit.SECONDS.toMillis(seconds) * 3 / 4,
                    new AtomicBoolean());
        }

        int weight() {
            int weight = 256 + body.length;
            for (String[] header : headers) {
                weight += 48 + 2 * (header[0].length() + header[1].length());
            }
            return weight;
        }

        void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
            for (String[] header : headers) {
                response.addHeader(header[0], header[1]);
            }
            if (notModified(request, etag, lastModified)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setStatus(HttpServletResponse.SC_OK);
            if (contentType != null) {
                response.setContentType(contentType);
            }
            response.setContentLength(body.length);
            if (!request.getMethod().equals("HEAD")) {
                response.getOutputStream().write(body);
            }
        }
    }

    /**
     * Hides the client's validators from the application, so that it renders the full page this
     * filter can keep; the filter answers If-None-Match itself from the page's ETag.
     */
    private static final class UnconditionalRequest extends HttpServletRequestWrapper {

        private static final Set<String> HIDDEN = Set.of("if-none-match", "if-modified-since");

        UnconditionalRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HIDDEN.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HIDDEN.contains(name.toLowerCase(Locale.ROOT))
                    ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return HIDDEN.contains(name.toLowerCase(Locale.ROOT)) ? -1 : super.getDateHeader(name);
        }
    }
}
