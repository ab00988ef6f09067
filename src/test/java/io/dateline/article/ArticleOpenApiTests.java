package io.dateline.article;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ArticleOpenApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void describesTheArticleAndTopicEndpointsWithExamplesAndTheBearerScheme() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(
                        jsonPath("$.paths['/api/v1/articles'].get.operationId").value("listArticles"))
                .andExpect(jsonPath("$.paths['/api/v1/articles'].post").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/articles/{idOrSlug}'].get.parameters[*].name", hasItem("page")))
                .andExpect(jsonPath(
                        "$.paths['/api/v1/articles/{idOrSlug}'].get.parameters[*].name", not(hasItem("format"))))
                .andExpect(jsonPath("$.paths['/api/v1/articles/{id}']").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/newsroom/articles'].post.operationId")
                        .value("createArticle"))
                .andExpect(jsonPath("$.paths['/api/v1/newsroom/articles'].post.security[0].bearer")
                        .exists())
                .andExpect(jsonPath(
                                "$.paths['/api/v1/newsroom/articles'].post.requestBody.content['application/json'].examples")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/newsroom/articles'].get.operationId")
                        .value("listNewsroomArticles"))
                .andExpect(jsonPath("$.paths['/api/v1/newsroom/articles/{id}'].patch.operationId")
                        .value("patchArticle"))
                .andExpect(jsonPath(
                                "$.paths['/api/v1/newsroom/articles/{id}'].patch.requestBody.content['application/merge-patch+json']")
                        .exists())
                .andExpect(jsonPath(
                        "$.paths['/api/v1/newsroom/articles/{id}'].delete.parameters[*].name", not(hasItem("purge"))))
                .andExpect(jsonPath("$.paths['/api/v1/newsroom/articles/{id}/purge'].post.operationId")
                        .value("purgeArticle"))
                .andExpect(jsonPath("$.paths['/api/v1/newsroom/articles/{id}/publish'].post.operationId")
                        .value("publishArticle"))
                .andExpect(jsonPath("$.paths['/api/v1/newsroom/articles/{id}/revisions/{version}/restore'].post")
                        .exists())
                .andExpect(jsonPath(
                        "$.paths['/api/v1/newsroom/topics/{slug}'].delete.parameters[*].name", hasItem("reassignTo")));
    }
}
