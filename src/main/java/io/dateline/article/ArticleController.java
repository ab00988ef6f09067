package io.dateline.article;

import io.dateline.platform.HttpProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

/** The published article, for everyone: anonymous, cacheable, and 404 for anything not yet public. */
@RestController
@Tag(name = "Articles", description = "Published articles, for everyone")
@RequestMapping("/api/v1/articles")
class ArticleController {

    private final ArticleService articles;

    private final HttpProperties http;

    ArticleController(ArticleService articles, HttpProperties http) {
        this.articles = articles;
        this.http = http;
    }

    @GetMapping("/{idOrSlug}")
    @Operation(
            operationId = "getArticle",
            summary = "One page of a published article, by numeric id or slug",
            description = "Drafts, scheduled and archived articles are 404, like ids that never existed. The same"
                    + " URL answers Accept: application/ninjs+json with the IPTC ninjs item.")
    ResponseEntity<ArticleResponse> read(
            @Parameter(description = "Numeric id or slug") @PathVariable String idOrSlug,
            @Parameter(description = "Page to show, 1-based") @RequestParam(defaultValue = "1") @Min(1) int page) {
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
