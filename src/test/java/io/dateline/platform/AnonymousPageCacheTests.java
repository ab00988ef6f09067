package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The page cache's rules, on servlet mocks: what it stores, what it replays, and what it never touches. */
class AnonymousPageCacheTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final MovableClock clock = new MovableClock();

    private final AnonymousPageCache cache = cache(DataSize.ofMegabytes(1));

    private final AtomicInteger rendered = new AtomicInteger();

    private String cacheControl = "max-age=15, public";

    private String body = "{\"items\":[]}";

    private AnonymousPageCache cache(DataSize maxSize) {
        return new AnonymousPageCache(
                new PageCacheProperties(true, maxSize, Duration.ofSeconds(30), Duration.ofMinutes(5)), clock, meters);
    }

    /** Stands for everything after the filter: the security chain and the controller. */
    private final FilterChain application = (request, response) -> {
        rendered.incrementAndGet();
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("Date", "Tue, 01 Jan 2030 00:00:00 GMT");
        if (cacheControl != null) {
            http.setHeader("Cache-Control", cacheControl);
        }
        http.setHeader("ETag", "W/\"" + body.hashCode() + "\"");
        http.setHeader("Last-Modified", "Tue, 01 Jan 2030 00:00:00 GMT");
        http.setContentType("application/json");
        http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    };

    private MockHttpServletResponse perform(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("X-Request-Id", "id-" + rendered.get() + "-" + System.nanoTime());
        cache.doFilter(request, response, application);
        return response;
    }

    private static MockHttpServletRequest get(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setRequestURI(uri);
        int question = uri.indexOf('?');
        if (question >= 0) {
            request.setRequestURI(uri.substring(0, question));
            request.setQueryString(uri.substring(question + 1));
            for (String parameter : uri.substring(question + 1).split("&")) {
                String[] pair = parameter.split("=", 2);
                request.addParameter(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return request;
    }

    @Test
    void servesARepeatedAnonymousReadWithoutRenderingIt() throws Exception {
        MockHttpServletResponse first = perform(get("/api/v1/articles?limit=20&topic=a"));

        MockHttpServletResponse second = perform(get("/api/v1/articles?topic=a&limit=20"));

        assertThat(rendered).hasValue(1);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsString())
                .isEqualTo(first.getContentAsString())
                .isEqualTo(body);
        assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
        assertThat(second.getContentType()).startsWith("application/json");
        assertThat(second.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(second.getHeader("Cache-Control")).isEqualTo(first.getHeader("Cache-Control"));
    }

    @Test
    void otherParametersAreAnotherPage() throws Exception {
        perform(get("/api/v1/search?q=rates"));
        perform(get("/api/v1/search?q=rates&sort=date"));
        perform(get("/api/v1/search?q=oil"));

        assertThat(rendered).hasValue(3);
    }

    @Test
    void aParameterThatCouldPoseAsOthersIsNeverCached() throws Exception {
        MockHttpServletRequest posing = get("/api/v1/search?sort=date");
        posing.setParameter("q", "oil\u0001sort\u0002date");
        perform(posing);

        perform(get("/api/v1/search?q=oil&sort=date"));
        perform(get("/api/v1/search?q=oil&sort=date"));

        assertThat(rendered).hasValue(2);
    }

    @Test
    void neverReplaysThePerRequestHeadersOfTheRequestThatRenderedThePage() throws Exception {
        MockHttpServletResponse first = perform(get("/api/v1/topics"));

        MockHttpServletResponse second = perform(get("/api/v1/topics"));

        assertThat(second.getHeaders("X-Request-Id")).hasSize(1).doesNotContain(first.getHeader("X-Request-Id"));
        assertThat(second.getHeader("Date")).isNull();
    }

    @Test
    void addsStaleDirectivesToPublicReadsSoThatACdnMayServeThemToo() throws Exception {
        MockHttpServletResponse response = perform(get("/api/v1/articles"));

        assertThat(response.getHeader("Cache-Control"))
                .isEqualTo("max-age=15, public, stale-while-revalidate=30, stale-if-error=300");
    }

    @Test
    void answersIfNoneMatchFromMemoryWithNotModified() throws Exception {
        String etag = perform(get("/api/v1/articles/7")).getHeader("ETag");
        MockHttpServletRequest conditional = get("/api/v1/articles/7");
        conditional.addHeader("If-None-Match", etag);

        MockHttpServletResponse response = perform(conditional);

        assertThat(response.getStatus()).isEqualTo(304);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(rendered).hasValue(1);
    }

    @Test
    void answersIfModifiedSinceFromMemoryByTheLastModifiedItStored() throws Exception {
        perform(get("/api/v1/articles/9"));
        MockHttpServletRequest unchanged = get("/api/v1/articles/9");
        unchanged.addHeader("If-Modified-Since", "Tue, 01 Jan 2030 00:00:00 GMT");
        MockHttpServletRequest older = get("/api/v1/articles/9");
        older.addHeader("If-Modified-Since", "Mon, 31 Dec 2029 23:59:59 GMT");

        assertThat(perform(unchanged).getStatus()).isEqualTo(304);
        assertThat(perform(older).getStatus()).isEqualTo(200);
        assertThat(rendered).hasValue(1);
    }

    @Test
    void rendersAFullPageToStoreWhenTheFirstRequestIsConditional() throws Exception {
        MockHttpServletRequest conditional = get("/api/v1/articles/8");
        conditional.addHeader("If-None-Match", "W/\"" + body.hashCode() + "\"");

        MockHttpServletResponse first = perform(conditional);
        MockHttpServletResponse second = perform(get("/api/v1/articles/8"));

        assertThat(first.getStatus()).isEqualTo(304);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsString()).isEqualTo(body);
        assertThat(rendered).hasValue(1);
    }

    @Test
    void neverServesNorStoresARequestWithAuthorization() throws Exception {
        perform(get("/api/v1/feed"));
        MockHttpServletRequest signedIn = get("/api/v1/feed");
        signedIn.addHeader("Authorization", "Bearer dl_reader");

        perform(signedIn);
        perform(signedIn);

        assertThat(rendered).hasValue(3);
    }

    @Test
    void neverStoresAPageThatForbidsSharedCaching() throws Exception {
        cacheControl = "max-age=15, private";
        perform(get("/api/v1/feed"));
        perform(get("/api/v1/feed"));
        cacheControl = "no-store";
        perform(get("/api/v1/newsroom/partners"));
        perform(get("/api/v1/newsroom/partners"));
        cacheControl = null;
        perform(get("/api/v1/other"));
        perform(get("/api/v1/other"));

        assertThat(rendered).hasValue(6);
    }

    @Test
    void neverStoresAPageThatVariesByAHeaderOutsideTheKey() throws Exception {
        FilterChain byLanguage = (request, response) -> {
            application.doFilter(request, response);
            ((HttpServletResponse) response).addHeader("Vary", "Accept-Language");
        };
        cache.doFilter(get("/api/v1/topics"), new MockHttpServletResponse(), byLanguage);

        perform(get("/api/v1/topics"));

        assertThat(rendered).hasValue(2);
    }

    @Test
    void keepsNoCorsHeadersOfTheRequestThatRenderedAPage() throws Exception {
        FilterChain crossOrigin = (request, response) -> {
            // what the CORS filter, which runs before this cache, wrote for the first caller
            HttpServletResponse http = (HttpServletResponse) response;
            http.addHeader("Vary", "Origin");
            http.addHeader("Vary", "Access-Control-Request-Method");
            http.setHeader("Access-Control-Allow-Origin", "https://app.example.org");
            application.doFilter(request, response);
        };
        cache.doFilter(get("/api/v1/topics"), new MockHttpServletResponse(), crossOrigin);

        MockHttpServletResponse replayed = perform(get("/api/v1/topics"));

        assertThat(rendered).as("stored despite the CORS Vary").hasValue(1);
        assertThat(replayed.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(replayed.getHeaders("Vary")).noneMatch(vary -> vary.contains("Origin"));
    }

    @Test
    void passesWritesAndPathsOutsideThePublicApiThrough() throws Exception {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/v1/articles");
        perform(post);
        perform(post);
        perform(get("/actuator/health/liveness"));
        perform(get("/actuator/health/liveness"));
        perform(get("/api/v1/me/preferences"));
        perform(get("/api/v1/me/preferences"));

        assertThat(rendered).hasValue(6);
    }

    @Test
    void aPageLivesNoLongerThanItsOwnMaxAge() throws Exception {
        perform(get("/api/v1/articles"));
        clock.advance(Duration.ofSeconds(10));
        perform(get("/api/v1/articles"));
        clock.advance(Duration.ofSeconds(6));

        perform(get("/api/v1/articles"));

        assertThat(rendered).hasValue(2);
    }

    @Test
    void onePageReaderRendersItAgainBeforeItExpiresWhileTheOthersAreServed() throws Exception {
        perform(get("/api/v1/articles"));
        clock.advance(Duration.ofSeconds(11));
        perform(get("/api/v1/articles"));
        assertThat(rendered).as("before three quarters of max-age=15").hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        body = "{\"items\":[1]}";
        MockHttpServletResponse renewing = perform(get("/api/v1/articles"));
        MockHttpServletResponse next = perform(get("/api/v1/articles"));
        clock.advance(Duration.ofSeconds(10));
        MockHttpServletResponse afterTheFirstPageExpired = perform(get("/api/v1/articles"));

        assertThat(rendered).as("one renewal, then served from it").hasValue(2);
        assertThat(renewing.getContentAsString()).isEqualTo(body);
        assertThat(next.getContentAsString()).isEqualTo(body);
        assertThat(afterTheFirstPageExpired.getContentAsString()).isEqualTo(body);
    }

    @Test
    void whileOneReaderRendersThePageTheOthersAreServedTheCurrentOne() throws Exception {
        perform(get("/api/v1/articles"));
        clock.advance(Duration.ofSeconds(12));
        AtomicInteger servedDuringTheRenewal = new AtomicInteger();
        FilterChain slowRenewal = (request, response) -> {
            // another reader arrives while this one renders
            MockHttpServletResponse other = new MockHttpServletResponse();
            cache.doFilter(get("/api/v1/articles"), other, application);
            if (other.getStatus() == 200 && other.getContentAsString().equals(body)) {
                servedDuringTheRenewal.incrementAndGet();
            }
            application.doFilter(request, response);
        };

        cache.doFilter(get("/api/v1/articles"), new MockHttpServletResponse(), slowRenewal);

        assertThat(servedDuringTheRenewal).hasValue(1);
        assertThat(rendered).as("the first render and the one renewal").hasValue(2);
    }

    @Test
    void readersWhoFindNoPageWhileAnotherRendersItWaitForThatRender() throws Exception {
        List<MockHttpServletResponse> others = firstRenderWithThreeWaitingReaders(application);

        assertThat(rendered).as("one render for the four readers").hasValue(1);
        assertThat(others).allSatisfy(other -> {
            assertThat(other.getStatus()).isEqualTo(200);
            assertThat(other.getContentAsString()).isEqualTo(body);
        });
    }

    @Test
    void aFirstRenderOvertakenByAChangeIsNotHandedToTheReadersWaitingForIt() throws Exception {
        FilterChain changedWhileRendering = (request, response) -> {
            application.doFilter(request, response);
            cache.evict(PublicPagesChanged.content());
        };

        List<MockHttpServletResponse> others = firstRenderWithThreeWaitingReaders(changedWhileRendering);

        assertThat(rendered)
                .as("the first render, then each waiting reader its own")
                .hasValue(4);
        assertThat(others).allSatisfy(other -> assertThat(other.getStatus()).isEqualTo(200));
    }

    /**
     * Starts a first render of a search page through {@code last}, held until three more readers of
     * the same page have come and are seen still waiting, then lets it finish; their responses.
     */
    private List<MockHttpServletResponse> firstRenderWithThreeWaitingReaders(FilterChain last) throws Exception {
        CountDownLatch renderBegun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain heldRender = (request, response) -> {
            renderBegun.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            last.doFilter(request, response);
        };
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = readers.submit(() -> {
                cache.doFilter(get("/api/v1/search?q=rates"), new MockHttpServletResponse(), heldRender);
                return null;
            });
            assertThat(renderBegun.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<MockHttpServletResponse>> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(readers.submit(() -> {
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    cache.doFilter(get("/api/v1/search?q=rates"), response, application);
                    return response;
                }));
            }
            Thread.sleep(300);
            assertThat(others).as("waiting for the first render").noneMatch(Future::isDone);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> other : others) {
                responses.add(other.get(10, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aChangeDropsThePagesOfItsScopeOnly() throws Exception {
        perform(get("/api/v1/articles"));
        perform(get("/api/v1/currency/convert?from=USD&to=RUB&amount=1"));

        cache.evict(PublicPagesChanged.content());
        perform(get("/api/v1/articles"));
        perform(get("/api/v1/currency/convert?from=USD&to=RUB&amount=1"));

        assertThat(rendered).hasValue(3);
    }

    @Test
    void aPageRenderedBeforeAChangeIsNotStoredAfterIt() throws Exception {
        FilterChain changedWhileRendering = (request, response) -> {
            application.doFilter(request, response);
            cache.evict(PublicPagesChanged.content());
        };
        cache.doFilter(get("/api/v1/articles"), new MockHttpServletResponse(), changedWhileRendering);

        perform(get("/api/v1/articles"));

        assertThat(rendered).hasValue(2);
    }

    @Test
    void holdsNoMoreBytesThanConfigured() throws Exception {
        AnonymousPageCache small = cache(DataSize.ofKilobytes(16));
        body = "x".repeat(4096);
        for (int i = 0; i < 20; i++) {
            small.doFilter(get("/api/v1/articles/" + i), new MockHttpServletResponse(), application);
        }

        assertThat(small.bytesHeld()).isPositive().isLessThanOrEqualTo(16 * 1024);
    }

    @Test
    void reportsItsHitRatio() throws Exception {
        perform(get("/api/v1/topics"));
        perform(get("/api/v1/topics"));

        assertThat(meters.get("dateline.page.cache.hit.ratio").gauge().value()).isEqualTo(0.5);
        assertThat(meters.get("cache.gets")
                        .tag("cache", "pages")
                        .tag("result", "hit")
                        .functionCounter()
                        .count())
                .isEqualTo(1);
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
