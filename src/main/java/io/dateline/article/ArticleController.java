package io.dateline.article;

import io.dateline.platform.HttpProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public read API: anonymous, cacheable, published articles only. */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Articles", description = "Published articles, for everyone")
class ArticleController {

    private final ArticleService articles;

    private final HttpProperties http;

    ArticleController(ArticleService articles, HttpProperties http) {
        this.articles = articles;
        this.http = http;
    }

    @GetMapping(value = "/{idOrSlug}", params = "!view")
    @Operation(
            summary = "Read an article",
            description = "One page of a published article whose publish time has come, by numeric id or by slug;"
                    + " the response always carries the canonical slug. Drafts, scheduled and archived articles are"
                    + " 404, like ids that never existed. Answers If-None-Match and If-Modified-Since with 304.")
    @ApiResponse(responseCode = "200", description = "The page, with ETag, Last-Modified and Cache-Control: public")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag or date the client has")
    @ApiResponse(
            responseCode = "404",
            description = "No such published article, or no such page",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ArticleResponse> read(
            @Parameter(description = "Numeric id or slug", example = "lavrov-meets-un-envoy-on-syria-talks")
                    @PathVariable
                    String idOrSlug,
            @Parameter(
                            description = "Page to show, 1-based",
                            schema = @Schema(type = "integer", minimum = "1", defaultValue = "1"))
                    @RequestParam(defaultValue = "1")
                    @Min(1)
                    int page) {
        ArticleService.PublicArticle article = articles.read(idOrSlug, page);
        return ResponseEntity.ok()
                .eTag(article.etag())
                .lastModified(article.lastModified())
                .cacheControl(CacheControl.maxAge(http.articleMaxAge()).cachePublic())
                // the same URL also serves IPTC ninjs, chosen by Accept
                .varyBy(HttpHeaders.ACCEPT)
                .header("Link", "</api/v1/articles/" + article.body().slug() + ">; rel=\"canonical\"")
                .body(article.body());
    }
}
