package io.dateline.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class SyndicationFeedTests {

    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2024-05-01T10:15:30+03:00");

    private static final String BASE = "http://localhost:8080";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestSecurity.Tokens tokens;

    SyndicationFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new SyndicationFixtures(mvc, json, tokens.editor());
    }

    /** Cyrillic text, markup-like characters in plain-text fields, and HTML in the pages. */
    private Map<String, Object> tricky(SyndicationFixtures.Topic topic) {
        Map<String, Object> request = fixtures.article(
                "Лавров обсудил «сирийский» вопрос: Tom & Jerry <3 " + fixtures.tag,
                List.of("<p>Первая страница &amp; <b>жирный</b> текст</p>", "<p>Page two <em>ends</em> here.</p>"),
                topic);
        request.put("lead", "Ведущий абзац: 5 < 7 & \"кавычки\"");
        request.put("byline", "Иван Петров");
        return request;
    }

    @Test
    void rssCarriesEveryFieldOfAnArticle() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Дипломатия");
        Map<String, Object> request = tricky(topic);
        SyndicationFixtures.Article article = fixtures.published(request, PUBLISHED);

        MockHttpServletResponse response = mvc.perform(get("/api/v1/topics/{slug}/feed.rss", topic.slug()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/rss+xml;charset=UTF-8"))
                .andReturn()
                .getResponse();
        String xml = response.getContentAsString(StandardCharsets.UTF_8);
        Channel channel = (Channel) new WireFeedInput().build(new StringReader(xml));

        assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
        assertThat(channel.getTitle()).isEqualTo("Dateline: " + topic.name());
        assertThat(channel.getLink()).isEqualTo(BASE + "/topics/" + topic.slug());
        assertThat(channel.getItems()).hasSize(1);
        Item item = channel.getItems().get(0);
        assertThat(item.getTitle()).isEqualTo(request.get("headline"));
        assertThat(item.getLink()).isEqualTo(BASE + "/news/" + article.slug());
        assertThat(item.getGuid().getValue()).isEqualTo("urn:dateline:article:" + article.id());
        assertThat(item.getGuid().isPermaLink()).isFalse();
        assertThat(item.getPubDate()).isEqualTo(Date.from(PUBLISHED.toInstant()));
        assertThat(xml).contains("<pubDate>Wed, 01 May 2024 07:15:30 GMT</pubDate>");
        assertThat(item.getDescription().getValue()).isEqualTo(HtmlUtils.htmlEscape((String) request.get("lead")));
        assertThat(item.getContent().getValue()).isEqualTo(pagesOf(article));
        assertThat(item.getCategories()).singleElement().satisfies(category -> {
            assertThat(category.getValue()).isEqualTo(topic.name());
            assertThat(category.getDomain()).isEqualTo(BASE + "/topics");
        });
        DCModule dc = (DCModule) item.getModule(DCModule.URI);
        assertThat(dc.getCreator()).isEqualTo("Иван Петров");
        assertThat(dc.getLanguage()).isEqualTo("en");
        // markup in plain text is escaped, never passed through as tags
        assertThat(xml).doesNotContain("<3").contains("Tom &amp; Jerry &lt;3");
        assertThat(xml).contains("<content:encoded>&lt;p&gt;Первая страница");
        assertThat(xml).contains("href=\"" + BASE + "/api/v1/topics/" + topic.slug() + "/feed.rss\" rel=\"self\"");
    }

    @Test
    void atomCarriesEveryFieldOfAnArticle() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Экономика");
        Map<String, Object> request = tricky(topic);
        SyndicationFixtures.Article article = fixtures.published(request, PUBLISHED);

        MockHttpServletResponse response = mvc.perform(get("/api/v1/topics/{slug}/feed.atom", topic.slug()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/atom+xml;charset=UTF-8"))
                .andReturn()
                .getResponse();
        String xml = response.getContentAsString(StandardCharsets.UTF_8);
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo(BASE + "/api/v1/topics/" + topic.slug() + "/feed.atom");
        assertThat(feed.getTitle()).isEqualTo("Dateline: " + topic.name());
        assertThat(feed.getAuthors())
                .singleElement()
                .satisfies(p -> assertThat(p.getName()).isEqualTo("Dateline"));
        assertThat(feed.getEntries()).hasSize(1);
        Entry entry = feed.getEntries().get(0);
        assertThat(entry.getId()).isEqualTo("urn:dateline:article:" + article.id());
        assertThat(entry.getTitle()).isEqualTo(request.get("headline"));
        assertThat(entry.getTitleEx().getType()).isEqualTo("text");
        assertThat(entry.getAlternateLinks()).singleElement().satisfies(link -> {
            assertThat(link.getHref()).isEqualTo(BASE + "/news/" + article.slug());
            assertThat(link.getType()).isEqualTo("text/html");
        });
        assertThat(entry.getPublished()).isEqualTo(Date.from(PUBLISHED.toInstant()));
        assertThat(xml).contains("<published>2024-05-01T07:15:30Z</published>");
        assertThat(entry.getUpdated()).isAfterOrEqualTo(entry.getPublished());
        assertThat(entry.getSummary().getType()).isEqualTo("text");
        assertThat(entry.getSummary().getValue()).isEqualTo(request.get("lead"));
        assertThat(entry.getContents()).singleElement().satisfies(content -> {
            assertThat(content.getType()).isEqualTo("html");
            assertThat(content.getValue()).isEqualTo(pagesOf(article));
        });
        assertThat(entry.getCategories()).singleElement().satisfies(category -> {
            assertThat(category.getTerm()).isEqualTo(topic.slug());
            assertThat(category.getLabel()).isEqualTo(topic.name());
        });
        assertThat(entry.getAuthors())
                .singleElement()
                .satisfies(p -> assertThat(p.getName()).isEqualTo("Иван Петров"));
    }

    @Test
    void topicFeedsContainOnlyTheirTopic() throws Exception {
        SyndicationFixtures.Topic sports = fixtures.topic("Sports");
        SyndicationFixtures.Topic science = fixtures.topic("Science");
        long onlySports = fixtures.published(
                        fixtures.article("Only sports " + fixtures.tag, List.of("<p>s</p>"), sports), PUBLISHED)
                .id();
        long both = fixtures.published(
                        fixtures.article("Both " + fixtures.tag, List.of("<p>b</p>"), science, sports),
                        PUBLISHED.plusMinutes(1))
                .id();
        long onlyScience = fixtures.published(
                        fixtures.article("Only science " + fixtures.tag, List.of("<p>c</p>"), science),
                        PUBLISHED.plusMinutes(2))
                .id();
        fixtures.draft(fixtures.article("Draft " + fixtures.tag, List.of("<p>d</p>"), sports));

        assertThat(rssGuids("/api/v1/topics/" + sports.slug() + "/feed.rss"))
                .containsExactly(uri(both), uri(onlySports));
        assertThat(atomIds("/api/v1/topics/" + science.slug() + "/feed.atom"))
                .containsExactly(uri(onlyScience), uri(both));
    }

    @Test
    void allNewsHasTheNewestPublishedArticlesOnly() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("World");
        long live = fixtures.published(fixtures.article("Live " + fixtures.tag, List.of("<p>l</p>"), topic), null)
                .id();
        long gone = fixtures.published(fixtures.article("Gone " + fixtures.tag, List.of("<p>g</p>"), topic), null)
                .id();
        fixtures.unpublish(gone);

        List<String> rss = rssGuids("/api/v1/feeds/all.rss");
        List<String> atom = atomIds("/api/v1/feeds/all.atom");

        assertThat(rss).contains(uri(live)).doesNotContain(uri(gone)).hasSizeLessThanOrEqualTo(NewsFeeds.SIZE);
        assertThat(atom).contains(uri(live)).doesNotContain(uri(gone)).hasSizeLessThanOrEqualTo(NewsFeeds.SIZE);
    }

    @Test
    void unknownTopicIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/topics/{slug}/feed.rss", "no-such-topic-" + fixtures.tag))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/topic-not-found"));
        mvc.perform(get("/api/v1/topics/{slug}/feed.atom", "no-such-topic-" + fixtures.tag))
                .andExpect(status().isNotFound());
    }

    @Test
    void feedsAreCacheableAndAnswerConditionalRequests() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Culture");
        fixtures.published(fixtures.article("First " + fixtures.tag, List.of("<p>1</p>"), topic), PUBLISHED);
        String path = "/api/v1/topics/" + topic.slug() + "/feed.atom";

        MockHttpServletResponse first = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Cache-Control", "max-age=15, public, stale-while-revalidate=30, stale-if-error=300"))
                .andReturn()
                .getResponse();
        String etag = first.getHeader("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(first.getHeader("Last-Modified")).isNotBlank();

        mvc.perform(get(path).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag));
        mvc.perform(get(path.replace(".atom", ".rss")).header("If-None-Match", etag))
                .andExpect(status().isOk());

        fixtures.published(fixtures.article("Second " + fixtures.tag, List.of("<p>2</p>"), topic), null);

        String changed = mvc.perform(get(path).header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        assertThat(changed).isNotEqualTo(etag);
    }

    @Test
    void feedsDoNotTakeOverTheTopicEndpoints() throws Exception {
        SyndicationFixtures.Topic topic = fixtures.topic("Travel");

        mvc.perform(get("/api/v1/topics/{slug}", topic.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(topic.slug()));
        mvc.perform(get("/api/v1/topics/{slug}/articles", topic.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
    }

    /** The sanitized HTML of every page, as the public JSON API serves it, joined as the feeds join it. */
    private String pagesOf(SyndicationFixtures.Article article) throws Exception {
        int pages = article.editorView().get("pages").size();
        StringBuilder html = new StringBuilder();
        for (int page = 1; page <= pages; page++) {
            String body = mvc.perform(get("/api/v1/articles/{id}", article.id()).param("page", Integer.toString(page)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            html.append(page > 1 ? "\n" : "")
                    .append(json.readTree(body).get("html").asString());
        }
        return html.toString();
    }

    private List<String> rssGuids(String path) throws Exception {
        String xml = mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Channel channel = (Channel) new WireFeedInput().build(new StringReader(xml));
        return channel.getItems().stream()
                .map(item -> item.getGuid().getValue())
                .toList();
    }

    private List<String> atomIds(String path) throws Exception {
        String xml = mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        return feed.getEntries().stream().map(Entry::getId).toList();
    }

    private static String uri(long id) {
        return "urn:dateline:article:" + id;
    }
}
