package io.dateline.article;

import io.dateline.platform.HttpProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading articles: the public views (anonymous, cacheable, published articles only) and, on the
 * same paths, the editors' views selected by a parameter. Those GETs carry method security, because
 * the URL rules let every GET through.
 */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Articles", description = "Published articles for everyone; drafts and lists by state for editors")
class ArticleController {

    private final ArticleService articles;

    private final EditorialService editorial;

    private final HttpProperties http;

    ArticleController(ArticleService articles, EditorialService editorial, HttpProperties http) {
        this.articles = articles;
        this.editorial = editorial;
        this.http = http;
    }

    @GetMapping("/{idOrSlug}")
    @PreAuthorize("#view == null or hasRole('EDITOR')")
    @Operation(
            summary = "Read an article",
            description = "One page of a published article whose publish time has come, by numeric id or by slug;"
                    + " the response always carries the canonical slug. Drafts, scheduled and archived articles are"
                    + " 404, like ids that never existed. Answers If-None-Match and If-Modified-Since with 304."
                    + " With view=editor (EDITOR, bearer token): the editable state of any article whatever its status,"
                    + " with the strong ETag to send in If-Match; a JSON merge patch applies to exactly that document.")
    @ApiResponse(
            responseCode = "200",
            description = "The page (ETag, Last-Modified, Cache-Control: public), or the editor's view (private)",
            content = @Content(schema = @Schema(oneOf = {ArticleResponse.class, EditorArticleResponse.class})))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag or date the client has")
    @ApiResponse(
            responseCode = "404",
            description = "No such published article, or no such page",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> read(
            @Parameter(description = "Numeric id or slug", example = "lavrov-meets-un-envoy-on-syria-talks")
                    @PathVariable
                    String idOrSlug,
            @Parameter(description = "Page to show, 1-based", schema = @Schema(minimum = "1", defaultValue = "1"))
                    @RequestParam(defaultValue = "1")
                    @Min(1)
                    int page,
            @Parameter(description = "'editor' for the editor's view (EDITOR)")
                    @RequestParam(required = false)
                    @Pattern(regexp = "editor")
                    String view) {
        if (view != null) {
            long id = articles.resolve(idOrSlug).orElseThrow(() -> new ArticleNotFoundException(idOrSlug));
            return EditorialController.editor(HttpStatus.OK, editorial.editorView(id));
        }
        ArticleService.PublicArticle article = articles.read(idOrSlug, page);
        return ResponseEntity.ok()
                .eTag(article.etag())
                .lastModified(article.lastModified())
                .cacheControl(CacheControl.maxAge(http.articleMaxAge()).cachePublic())
                .header("Link", "</api/v1/articles/" + article.body().slug() + ">; rel=\"canonical\"")
                .body(article.body());
    }
}
