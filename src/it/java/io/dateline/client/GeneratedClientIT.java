package io.dateline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dateline.TestDatabase;
import io.dateline.TestSecurity;
import io.dateline.client.api.AdminWebhooksApi;
import io.dateline.client.api.ArticlesApi;
import io.dateline.client.api.FeedApi;
import io.dateline.client.api.NewsroomApi;
import io.dateline.client.api.PartnerNewsApi;
import io.dateline.client.api.TopicsApi;
import io.dateline.client.model.ArticleRequest;
import io.dateline.client.model.ArticleSummary;
import io.dateline.client.model.CreateTopicRequest;
import io.dateline.client.model.EditorArticleResponse;
import io.dateline.client.model.FeedPage;
import io.dateline.client.model.PartnerNewsPage;
import io.dateline.client.model.TopicResponse;
import io.dateline.client.model.WebhookRequest;
import io.dateline.client.model.WebhookResponse;
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
        EditorArticleResponse published = new NewsroomApi(editor).publishArticle(draft.getId(), null, null);

        assertThat(draft.getStatus()).isEqualTo("DRAFT");
        assertThat(published.getStatus()).isEqualTo("PUBLISHED");
        assertThat(new TopicsApi(anonymous).listTopics().getItems())
                .extracting(TopicResponse::getSlug)
                .contains(topic.getSlug());
        FeedPage stream = new FeedApi(anonymous)
                .listArticles(List.of(topic.getSlug()), null, null, null, null, null, null, 20, null);
        assertThat(stream.getItems()).extracting(ArticleSummary::getId).containsExactly(draft.getId());
        var article = new ArticlesApi(anonymous).getArticle(draft.getSlug(), 2);
        assertThat(article.getHeadline()).isEqualTo("Generated client " + tag);
        assertThat(article.getPage()).isEqualTo(2);
        assertThat(article.getHtml()).isEqualTo("<p>Two</p>");
        PartnerNewsPage partnerNews = new PartnerNewsApi(anonymous).listPartnerNews(5, null, null);
        assertThat(partnerNews.getItems()).isNotNull();
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
