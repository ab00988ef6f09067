package io.dateline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dateline.TestDatabase;
import io.dateline.TestSecurity;
import io.dateline.client.api.AdminWebhooksApi;
import io.dateline.client.api.ArticlesApi;
import io.dateline.client.api.ChangesApi;
import io.dateline.client.api.FeedApi;
import io.dateline.client.api.MediaApi;
import io.dateline.client.api.NewsroomApi;
import io.dateline.client.api.PartnerNewsApi;
import io.dateline.client.api.TopicsApi;
import io.dateline.client.model.ArticleRequest;
import io.dateline.client.model.ArticleSummary;
import io.dateline.client.model.ChangeEntry;
import io.dateline.client.model.ChangePage;
import io.dateline.client.model.BreakingRequest;
import io.dateline.client.model.CreateTopicRequest;
import io.dateline.client.model.EditorArticleResponse;
import io.dateline.client.model.FeedPage;
import io.dateline.client.model.ImageResponse;
import io.dateline.client.model.PartnerNewsPage;
import io.dateline.client.model.Picture;
import io.dateline.client.model.Rendition;
import io.dateline.client.model.TopicResponse;
import io.dateline.client.model.WebhookRequest;
import io.dateline.client.model.WebhookResponse;
import io.dateline.media.MediaFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The contract as a mobile team consumes it: a Java client generated at build time from the
 * exported OpenAPI description, used against the running application over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestDatabase.class, TestSecurity.class})
class GeneratedClientIT {

    @LocalServerPort
    int port;

    @Autowired
    TestSecurity.Tokens tokens;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    @Test
    void anEditorPublishesAndAnAnonymousReaderFindsTheArticle() throws Exception {
        ApiClient editor = client(tokens.editor());
        ApiClient anonymous = client(null);
        TopicResponse topic = new NewsroomApi(editor).createTopic(new CreateTopicRequest().name("Client " + tag));

        EditorArticleResponse draft = new NewsroomApi(editor)
                .createArticle(
                        new ArticleRequest()
                                .headline("Generated client " + tag)
                                .lead("Written through the generated client")
                                .pages(List.of("<p>One</p>", "<p>Two</p>"))
                                .dateline("MOSCOW")
                                .language("en")
                                .topics(List.of(topic.getSlug())),
                        "client-it-" + tag);
        String since = upToDate(new ChangesApi(anonymous));
        EditorArticleResponse published = new NewsroomApi(editor).publishArticle(draft.getId(), null, null);

        assertThat(draft.getStatus()).isEqualTo("DRAFT");
        assertThat(published.getStatus()).isEqualTo("PUBLISHED");
        assertThat(new TopicsApi(anonymous).listTopics().getItems())
                .extracting(TopicResponse::getSlug)
                .contains(topic.getSlug());
        FeedPage stream = new FeedApi(anonymous)
                .listArticles(List.of(topic.getSlug()), null, null, null, null, null, null, 20, null, null, null);
        assertThat(stream.getItems()).extracting(ArticleSummary::getId).containsExactly(draft.getId());
        assertThat(stream.getItems().get(0).getFeatured()).isFalse();
        assertThat(stream.getItems().get(0).getUrgency()).isNull();
        EditorArticleResponse pinned = new NewsroomApi(editor).featureArticle(draft.getId(), null, null);
        FeedPage featured = new FeedApi(anonymous)
                .listArticles(List.of(topic.getSlug()), null, null, null, null, null, null, 20, null, true, null);
        assertThat(pinned.getFeatured()).isTrue();
        assertThat(featured.getItems()).extracting(ArticleSummary::getId).containsExactly(draft.getId());
        assertThat(featured.getItems().get(0).getFeatured()).isTrue();
        EditorArticleResponse breaking =
                new NewsroomApi(editor).markArticleBreaking(draft.getId(), new BreakingRequest().urgency(2), null);
        assertThat(breaking.getUrgency()).isEqualTo(2);
        assertThat(new ArticlesApi(anonymous).getArticle(draft.getSlug(), 1).getUrgency())
                .isEqualTo(2);
        assertThat(new NewsroomApi(editor).endArticleBreaking(draft.getId(), null).getBreaking())
                .isFalse();
        assertThat(new NewsroomApi(editor).unfeatureArticle(draft.getId(), null).getFeatured())
                .isFalse();
        var article = new ArticlesApi(anonymous).getArticle(draft.getSlug(), 2);
        assertThat(article.getHeadline()).isEqualTo("Generated client " + tag);
        assertThat(article.getPage()).isEqualTo(2);
        assertThat(article.getHtml()).isEqualTo("<p>Two</p>");
        PartnerNewsPage partnerNews = new PartnerNewsApi(anonymous).listPartnerNews(5, null, null);
        assertThat(partnerNews.getItems()).isNotNull();
        assertThat(stream.getItems().get(0).getUrl()).endsWith("/news/" + draft.getSlug());
        ChangeEntry change = awaitChange(new ChangesApi(anonymous), since, draft.getId());
        // only an article's latest entry is kept: "updated" once the flag changes above are placed
        assertThat(change.getType().getValue()).isIn("published", "updated");
        assertThat(change.getArticle().getHeadline()).isEqualTo("Generated client " + tag);
    }

    @Test
    void anEditorUploadsAPictureAndAppsGetItAsTheLeadImage() throws Exception {
        ApiClient editor = client(tokens.editor());
        ApiClient anonymous = client(null);
        Path file = Files.createTempFile("client-it-", ".png");
        Files.write(file, MediaFixtures.png(800, 450));
        ImageResponse image;
        try {
            image = new NewsroomApi(editor).uploadImage(file.toFile(), "Caption " + tag, "Dateline", "Alt " + tag);
        } finally {
            Files.delete(file);
        }
        TopicResponse topic = new NewsroomApi(editor).createTopic(new CreateTopicRequest().name("Pictures " + tag));
        EditorArticleResponse draft = new NewsroomApi(editor)
                .createArticle(
                        new ArticleRequest()
                                .headline("Pictured " + tag)
                                .lead("With a lead image")
                                .pages(List.of("<p>One</p>"))
                                .language("en")
                                .topics(List.of(topic.getSlug()))
                                .leadImageId(image.getId()),
                        "client-it-picture-" + tag);
        new NewsroomApi(editor).publishArticle(draft.getId(), null, null);

        assertThat(image.getRenditions()).extracting(Rendition::getWidth).containsExactly(320, 640, 800);
        Picture lead = new ArticlesApi(anonymous).getArticle(draft.getSlug(), null).getLeadImage();
        assertThat(lead.getCaption()).isEqualTo("Caption " + tag);
        assertThat(lead.getAlt()).isEqualTo("Alt " + tag);
        assertThat(lead.getUrl()).isEqualTo(image.getUrl());
        assertThat(lead.getWidth()).isEqualTo(800);
        assertThat(lead.getRenditions()).hasSize(3);
        String name = lead.getUrl().substring(lead.getUrl().lastIndexOf('/') + 1);
        byte[] jpeg = Files.readAllBytes(new MediaApi(anonymous).getRendition(name).toPath());
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThatThrownBy(() -> new NewsroomApi(editor).deleteImage(image.getId()))
                .isInstanceOf(ApiException.class)
                .satisfies(ex -> assertThat(((ApiException) ex).getCode()).isEqualTo(409));
    }

    /** Pages the change feed from the beginning to its end, as an app's first sync does. */
    private static String upToDate(ChangesApi changes) throws ApiException {
        ChangePage page = changes.listChanges(null, 500);
        while (page.getHasMore()) {
            page = changes.listChanges(page.getNext(), 500);
        }
        return page.getNext();
    }

    /** The sequencer places a change within about a second of its commit. */
    private static ChangeEntry awaitChange(ChangesApi changes, String since, long articleId) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String cursor = since;
        while (System.nanoTime() < deadline) {
            ChangePage page = changes.listChanges(cursor, 100);
            for (ChangeEntry entry : page.getItems()) {
                if (entry.getId() == articleId) {
                    return entry;
                }
            }
            cursor = page.getNext();
            Thread.sleep(200);
        }
        throw new AssertionError("no change for article " + articleId + " within 15 s");
    }

    @Test
    void theClientSurfacesProblemsAsExceptions() {
        assertThatThrownBy(() -> new NewsroomApi(client(null))
                        .createArticle(new ArticleRequest().headline("x").language("en").topics(List.of("world")), null))
                .isInstanceOf(ApiException.class)
                .satisfies(ex -> {
                    ApiException problem = (ApiException) ex;
                    assertThat(problem.getCode()).isEqualTo(401);
                    assertThat(problem.getResponseBody()).contains("/problems/unauthorized");
                });
        assertThatThrownBy(() -> new ArticlesApi(client(null)).getArticle("no-such-article-" + tag, null))
                .isInstanceOf(ApiException.class)
                .satisfies(ex -> assertThat(((ApiException) ex).getCode()).isEqualTo(404));
    }

    @Test
    void anAdminSubscribesAWebhookAndFindsItListedWithoutItsSecret() throws Exception {
        AdminWebhooksApi admin = new AdminWebhooksApi(client(tokens.admin()));
        String url = "http://127.0.0.1:9/hooks/" + tag;

        WebhookResponse created = admin.createWebhook(new WebhookRequest()
                .url(url)
                .eventTypes(List.of("article.published"))
                .secret("whsec_client_" + tag + "_0123456789"));

        try {
            assertThat(created.getUrl()).isEqualTo(url);
            assertThat(admin.listWebhooks().getItems())
                    .extracting(WebhookResponse::getUrl)
                    .contains(url);
            assertThat(admin.getWebhook(created.getId()).getEventTypes()).containsExactly("article.published");
        } finally {
            admin.deleteWebhook(created.getId());
        }
    }
}
