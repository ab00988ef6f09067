package io.dateline.article;

import static org.hamcrest.Matchers.hasItem;
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
                .andExpect(jsonPath("$.paths['/api/v1/articles'].get.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/articles'].post.security[0].bearer")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/articles'].post.requestBody.content['application/json'].examples")
                        .exists())
                .andExpect(jsonPath(
                                "$.paths['/api/v1/articles'].post.responses['422'].content['application/problem+json']")
                        .exists())
                .andExpect(jsonPath(
                                "$.paths['/api/v1/articles/{id}'].patch.requestBody.content['application/merge-patch+json']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/articles/{id}'].patch.responses['428']")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/articles/{id}'].delete.parameters[*].name", hasItem("purge")))
                .andExpect(jsonPath("$.paths['/api/v1/articles/{idOrSlug}'].get.parameters[*].name", hasItem("page")))
                .andExpect(jsonPath("$.paths['/api/v1/articles/{id}/revisions/{version}/restore'].post")
                        .exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/topics/{slug}'].delete.parameters[*].name", hasItem("reassignTo")));
    }
}
