package io.dateline.article;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import io.dateline.article.ArticleFixtures.Created;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scheduled publishing with time under the test's control: a context of its own (the only one with
 * a hand-moved clock), so that "visible exactly when its time comes" is checked to the microsecond
 * rather than by sleeping.
 */
@IntegrationTest
@Import(ScheduledPublishingTests.HandMovedClock.class)
class ScheduledPublishingTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class HandMovedClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    Clock injected;

    ArticleFixtures fixtures;

    String topic;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MICROS));
        fixtures = new ArticleFixtures(mvc, json, tokens.editor());
        topic = fixtures.topic();
    }

    @AfterEach
    void realTime() {
        clock.set(Instant.now());
    }

    @Test
    void theApplicationUsesTheHandMovedClock() {
        org.assertj.core.api.Assertions.assertThat(injected).isSameAs(clock);
    }

    @Test
    void aScheduledArticleBecomesVisibleExactlyAtItsPublishTime() throws Exception {
        Created draft = fixtures.draft(topic);
        Instant publishAt = clock.instant().plus(Duration.ofHours(3));

        fixtures.publish(draft.id(), OffsetDateTime.ofInstant(publishAt, ZoneOffset.ofHours(3)));

        clock.set(publishAt.minus(1, ChronoUnit.MICROS));
        mvc.perform(get("/api/v1/articles/{id}", draft.id())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/articles").param("limit", "100"))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) draft.id()))));
        mvc.perform(get("/api/v1/newsroom/articles/{id}", draft.id()).header("Authorization", fixtures.bearer()))
                .andExpect(jsonPath("$.status").value("SCHEDULED"));

        clock.set(publishAt);
        String body = mvc.perform(get("/api/v1/articles/{id}", draft.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        OffsetDateTime shown =
                OffsetDateTime.parse(json.readTree(body).get("publishedAt").asString());
        org.assertj.core.api.Assertions.assertThat(shown.toInstant()).isEqualTo(publishAt);
        org.assertj.core.api.Assertions.assertThat(shown.getOffset()).isEqualTo(ZoneOffset.ofHours(3));
        // no write happens at the publish time, so a list page cached just before it may be served
        // for the rest of its max-age (15 s); a fresh rendering shows the article at once
        mvc.perform(get("/api/v1/articles").param("limit", "99"))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) draft.id())));
        mvc.perform(get("/api/v1/newsroom/articles/{id}", draft.id()).header("Authorization", fixtures.bearer()))
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void topicCountsIncludeScheduledArticlesOnlyOnceTheirTimeHasCome() throws Exception {
        Created draft = fixtures.draft(topic);
        Instant publishAt = clock.instant().plus(Duration.ofMinutes(30));
        fixtures.publish(draft.id(), OffsetDateTime.ofInstant(publishAt, ZoneOffset.UTC));

        mvc.perform(get("/api/v1/topics/{slug}", topic))
                .andExpect(jsonPath("$.articleCount").value(0));
        clock.advance(Duration.ofMinutes(30));
        mvc.perform(get("/api/v1/topics/{slug}", topic))
                .andExpect(jsonPath("$.articleCount").value(1));
    }

    @Test
    void reschedulingALiveArticleToTheFutureHidesItUntilThen() throws Exception {
        Created live = fixtures.published(topic);
        mvc.perform(get("/api/v1/articles/{id}", live.id())).andExpect(status().isOk());

        fixtures.publish(live.id(), OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), ZoneOffset.UTC));

        mvc.perform(get("/api/v1/articles/{id}", live.id())).andExpect(status().isNotFound());
        clock.advance(Duration.ofDays(1));
        mvc.perform(get("/api/v1/articles/{id}", live.id())).andExpect(status().isOk());
    }
}
