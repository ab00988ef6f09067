package io.dateline.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.dateline.article.ArticleFixtures.Created;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Real threads against the running application: the database decides the races. */
@IntegrationTest
class ArticleConcurrencyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JsonMapper json;

    ArticleFixtures fixtures;

    String topic;

    @BeforeEach
    void setUp() {
        fixtures = new ArticleFixtures(mvc, json, tokens.editor());
        topic = fixtures.topic();
    }

    @RepeatedTest(3)
    void parallelPatchesWithTheSameIfMatchHaveExactlyOneWinner() throws Exception {
        Created article = fixtures.draft(topic);
        int writers = 4;

        List<MockHttpServletResponse> responses = race(
                writers,
                n -> () -> mvc.perform(patch("/api/v1/newsroom/articles/{id}", article.id())
                                .header("Authorization", fixtures.bearer())
                                .header("If-Match", article.etag())
                                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                                .content("{\"lead\": \"writer " + n + "\"}"))
                        .andReturn()
                        .getResponse());

        List<Integer> statuses =
                responses.stream().map(MockHttpServletResponse::getStatus).toList();
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        MockHttpServletResponse winner = responses.stream()
                .filter(response -> response.getStatus() == 200)
                .findFirst()
                .orElseThrow();
        String winningLead =
                json.readTree(winner.getContentAsString()).get("lead").asString();
        Created now = fixtures.editorView(article.id());
        assertThat(now.body().get("lead").asString()).isEqualTo(winningLead);
        assertThat(now.body().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void concurrentCreatesWithTheSameHeadlineGetDistinctSlugs() throws Exception {
        Map<String, Object> request = fixtures.request(ArticleFixtures.unique("Same headline"), topic);
        String body = fixtures.json(request);
        int writers = 6;

        List<MockHttpServletResponse> responses = race(
                writers,
                n -> () -> mvc.perform(post("/api/v1/newsroom/articles")
                                .header("Authorization", fixtures.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andReturn()
                        .getResponse());

        assertThat(responses)
                .allSatisfy(response -> assertThat(response.getStatus())
                        .as(response.getContentAsString())
                        .isEqualTo(201));
        List<String> slugs = new ArrayList<>();
        for (MockHttpServletResponse response : responses) {
            slugs.add(json.readTree(response.getContentAsString()).get("slug").asString());
        }
        assertThat(slugs).doesNotHaveDuplicates().hasSize(writers);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneArticle() throws Exception {
        String body = fixtures.json(fixtures.request(ArticleFixtures.unique("Retried"), topic));
        String key = java.util.UUID.randomUUID().toString();

        List<MockHttpServletResponse> responses = race(
                4,
                n -> () -> mvc.perform(post("/api/v1/newsroom/articles")
                                .header("Authorization", fixtures.bearer())
                                .header("Idempotency-Key", key)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andReturn()
                        .getResponse());

        assertThat(responses)
                .allSatisfy(response -> assertThat(response.getStatus()).isEqualTo(201));
        assertThat(responses.stream().map(response -> response.getHeader("Location")))
                .containsOnly(responses.get(0).getHeader("Location"));
    }

    interface Task {
        Callable<MockHttpServletResponse> of(int n);
    }

    /** Starts {@code count} requests at the same moment on real threads and waits for all. */
    private static List<MockHttpServletResponse> race(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                Callable<MockHttpServletResponse> call = task.of(n);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
