package io.dateline.syndication;

import io.dateline.platform.HttpProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * RSS 2.0 and Atom 1.0 feeds for feed readers and aggregators. Each document has the 50 newest
 * published articles in full; conditional GETs are answered with 304 by Spring MVC from the ETag and
 * Last-Modified set here.
 */
@RestController
@Tag(name = "Syndication feeds", description = "RSS 2.0 and Atom 1.0 feeds of all news and of each topic")
class NewsFeedController {

    private final NewsFeeds feeds;

    private final HttpProperties http;

    NewsFeedController(NewsFeeds feeds, HttpProperties http) {
        this.feeds = feeds;
        this.http = http;
    }

    @GetMapping(
            path = "/api/v1/feeds/all.rss",
            produces = {FeedDocuments.RSS, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(
            operationId = "getAllNewsRss",
            summary = "All news as RSS 2.0",
            description = "The 50 newest published articles, newest first, with the lead as description and all pages"
                    + " as content:encoded. Answers If-None-Match and If-Modified-Since with 304.")
    @ApiResponse(
            responseCode = "200",
            description = "The RSS document (application/rss+xml), with ETag, Last-Modified and Cache-Control: public",
            content = @Content(mediaType = FeedDocuments.RSS, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag or date the client has")
    ResponseEntity<String> allNewsRss() {
        return respond(feeds.allNews(NewsFeeds.Format.RSS), FeedDocuments.RSS);
    }

    @GetMapping(
            path = "/api/v1/feeds/all.atom",
            produces = {FeedDocuments.ATOM, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(
            operationId = "getAllNewsAtom",
            summary = "All news as Atom 1.0",
            description = "The 50 newest published articles, newest first, with the lead as summary and all pages as"
                    + " HTML content. Answers If-None-Match and If-Modified-Since with 304.")
    @ApiResponse(
            responseCode = "200",
            description =
                    "The Atom document (application/atom+xml), with ETag, Last-Modified and Cache-Control: public",
            content = @Content(mediaType = FeedDocuments.ATOM, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag or date the client has")
    ResponseEntity<String> allNewsAtom() {
        return respond(feeds.allNews(NewsFeeds.Format.ATOM), FeedDocuments.ATOM);
    }

    @GetMapping(
            path = "/api/v1/topics/{slug}/feed.rss",
            produces = {FeedDocuments.RSS, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(
            operationId = "getTopicRss",
            summary = "One topic as RSS 2.0",
            description = "The 50 newest published articles filed under this topic. Answers If-None-Match and"
                    + " If-Modified-Since with 304.")
    @ApiResponse(
            responseCode = "200",
            description = "The RSS document (application/rss+xml)",
            content = @Content(mediaType = FeedDocuments.RSS, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag or date the client has")
    ResponseEntity<String> topicRss(
            @Parameter(description = "Topic slug", example = "world") @PathVariable String slug) {
        return respond(feeds.topic(slug, NewsFeeds.Format.RSS), FeedDocuments.RSS);
    }

    @GetMapping(
            path = "/api/v1/topics/{slug}/feed.atom",
            produces = {FeedDocuments.ATOM, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(
            operationId = "getTopicAtom",
            summary = "One topic as Atom 1.0",
            description = "The 50 newest published articles filed under this topic. Answers If-None-Match and"
                    + " If-Modified-Since with 304.")
    @ApiResponse(
            responseCode = "200",
            description = "The Atom document (application/atom+xml)",
            content = @Content(mediaType = FeedDocuments.ATOM, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag or date the client has")
    ResponseEntity<String> topicAtom(
            @Parameter(description = "Topic slug", example = "world") @PathVariable String slug) {
        return respond(feeds.topic(slug, NewsFeeds.Format.ATOM), FeedDocuments.ATOM);
    }

    private ResponseEntity<String> respond(NewsFeeds.Document document, String contentType) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(contentType), StandardCharsets.UTF_8))
                .eTag(document.etag())
                .cacheControl(CacheControl.maxAge(http.feedMaxAge()).cachePublic());
        if (document.lastModified() != null) {
            response.lastModified(document.lastModified());
        }
        return response.body(document.xml());
    }
}
