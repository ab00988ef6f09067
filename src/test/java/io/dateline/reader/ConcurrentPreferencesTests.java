package io.dateline.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two first saves of one reader's preferences at the same moment (two devices of one install, a
 * retried request): both find no row, and both must still get an answer that is not a 500.
 */
@IntegrationTest
class ConcurrentPreferencesTests {

    private static final int ROUNDS = 20;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Test
    void simultaneousFirstSavesOfOneReaderBothSucceedAndOneOfThemIsStored() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String world = topic("world-" + tag);
        String sports = topic("sports-" + tag);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String reader = tokens.reader();
                CountDownLatch start = new CountDownLatch(1);
                Future<MockHttpServletResponse> first = pool.submit(() -> save(start, reader, world, "en"));
                Future<MockHttpServletResponse> second = pool.submit(() -> save(start, reader, sports, "de"));
                start.countDown();
                List<MockHttpServletResponse> answers =
                        List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

                assertThat(answers)
                        .extracting(MockHttpServletResponse::getStatus)
                        .as("round %d", round)
                        .containsOnly(200);
                String stored = mvc.perform(get("/api/v1/me/preferences").header("Authorization", "Bearer " + reader))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                List<String> followed = JsonPath.read(stored, "$.followedTopics");
                List<String> languages = JsonPath.read(stored, "$.languages");
                // PUT replaces the whole: the stored state is one of the two, never a blend
                assertThat(List.of(followed, languages))
                        .as("round %d: %s", round, stored)
                        .isIn(List.of(List.of(world), List.of("en")), List.of(List.of(sports), List.of("de")));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private MockHttpServletResponse save(CountDownLatch start, String reader, String topic, String language)
            throws Exception {
        start.await();
        return mvc.perform(put("/api/v1/me/preferences")
                        .header("Authorization", "Bearer " + reader)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filterEnabled\": true, \"followedTopics\": [\"%s\"], \"languages\": [\"%s\"]}"
                                .formatted(topic, language)))
                .andReturn()
                .getResponse();
    }

    private String topic(String slug) {
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into topic (slug, name, position, created_at, updated_at)
                        values (:slug, :slug, 100, :now, :now)""")
                .param("slug", slug)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        return slug;
    }
}
