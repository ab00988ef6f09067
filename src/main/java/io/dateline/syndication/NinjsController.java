package io.dateline.syndication;

import io.dateline.article.ArticleNotFoundException;
import io.dateline.article.ArticleService;
import io.dateline.article.PublishedArticle;
import io.dateline.platform.ETags;
import io.dateline.platform.HttpProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The IPTC ninjs representation of a published article, on the article's own URL, chosen with
 * {@code Accept: application/ninjs+json}; without it, the article endpoint answers with its JSON.
 */
@RestController
@Tag(name = "Articles", description = "Published articles, for everyone")
class NinjsController {

    private static final MediaType NINJS = MediaType.parseMediaType(NinjsItem.MEDIA_TYPE_VERSIONED);

    private final ArticleService articles;

    private final SiteProperties site;

    private final HttpProperties http;

    NinjsController(ArticleService articles, SiteProperties site, HttpProperties http) {
        this.articles = articles;
        this.site = site;
        this.http = http;
    }

    @GetMapping(path = "/api/v1/articles/{idOrSlug}", produces = NinjsItem.MEDIA_TYPE)
    // one operation with the JSON representation (getArticle): this adds its ninjs response
    @Operation(
            operationId = "getArticle",
            summary = "One page of a published article, by numeric id or slug",
            description =
                    "With Accept: application/ninjs+json, the whole published article as an IPTC ninjs 2.2" + " item.")
    @ApiResponse(
            responseCode = "200",
            description = "The ninjs item",
            content =
                    @Content(
                            mediaType = NinjsItem.MEDIA_TYPE_VERSIONED,
                            schema = @Schema(implementation = NinjsItem.class)))
    ResponseEntity<NinjsItem> ninjs(
            @Parameter(description = "Numeric id or slug") @PathVariable String idOrSlug,
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.ACCEPT) String accept)
            throws HttpMediaTypeNotAcceptableException {
        requireOurVersion(accept);
        return respond(idOrSlug);
    }

    /**
     * The mapping matches application/ninjs+json with any parameters; a client that names only
     * other ninjs versions gets 406 rather than a 2.2 document it did not ask for.
     */
    private static void requireOurVersion(String accept) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> ninjs = MediaType.parseMediaTypes(accept).stream()
                .filter(type -> type.isCompatibleWith(NINJS) && !type.isWildcardSubtype())
                .toList();
        boolean ours = ninjs.stream().anyMatch(type -> {
            String version = type.getParameter("version");
            return version == null || version.equals(NinjsItem.VERSION);
        });
        if (!ninjs.isEmpty() && !ours) {
            throw new HttpMediaTypeNotAcceptableException(List.of(NINJS));
        }
    }

    private ResponseEntity<NinjsItem> respond(String idOrSlug) {
        PublishedArticle article =
                articles.published(idOrSlug).orElseThrow(() -> new ArticleNotFoundException(idOrSlug));
        NinjsItem item = NinjsItem.from(article, site);
        return ResponseEntity.ok()
                .contentType(NINJS)
                .eTag(etag(article, item))
                .lastModified(article.updatedAt())
                .cacheControl(CacheControl.maxAge(http.articleMaxAge()).cachePublic())
                .varyBy(HttpHeaders.ACCEPT)
                .body(item);
    }

    /** Weak: besides the article's version, the item shows topic names and related articles. */
    private static String etag(PublishedArticle article, NinjsItem item) {
        CRC32C crc = new CRC32C();
        crc.update(item.toString().getBytes(StandardCharsets.UTF_8));
        return ETags.weak("ninjs-" + article.id() + "-" + article.version() + "-"
                + HexFormat.of().toHexDigits((int) crc.getValue()));
    }
}
