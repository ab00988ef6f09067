package io.dateline.syndication;

import io.dateline.platform.HttpProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Partner News" / "In other media": partners' headlines for everyone, written by editors. */
@RestController
@RequestMapping("/api/v1/partner-news")
@Tag(name = "Partner news", description = "Partners' headlines: the \"Partner News\" and \"In other media\" blocks")
class PartnerNewsController {

    private final PartnerNews news;

    private final HttpProperties http;

    PartnerNewsController(PartnerNews news, HttpProperties http) {
        this.news = news;
        this.http = http;
    }

    @GetMapping
    @Operation(
            operationId = "listPartnerNews",
            summary = "Partner news",
            description = "Partners' headlines published by now, newest first (publishedAt desc, id desc), optionally"
                    + " of one topic. Walk on by passing nextCursor back as cursor with the same topic. Answers"
                    + " If-None-Match with 304.")
    @ApiResponse(responseCode = "200", description = "One page; ETag and Cache-Control: public")
    @ApiResponse(responseCode = "304", description = "The page is unchanged since the ETag in If-None-Match")
    @ApiResponse(responseCode = "422", description = "No topic has this slug")
    ResponseEntity<PartnerNewsPage> list(
            @Parameter(description = "Page size, 1 to 50", example = "10")
                    @RequestParam(defaultValue = "10")
                    @Min(1)
                    @Max(50)
                    int limit,
            @Parameter(description = "Only headlines filed under this topic slug", example = "economy")
                    @RequestParam(required = false)
                    @Size(max = 80)
                    String topic,
            @Parameter(description = "nextCursor of the previous page, with the same topic")
                    @RequestParam(required = false)
                    @Size(max = 512)
                    String cursor) {
        PartnerNews.Page page = news.page(topic, cursor, limit);
        return ResponseEntity.ok()
                .eTag(page.etag())
                .cacheControl(CacheControl.maxAge(http.feedMaxAge()).cachePublic())
                .body(page.page());
    }

    @PostMapping
    @SecurityRequirement(name = "bearer")
    @PreAuthorize("hasRole('EDITOR')")
    @Operation(
            operationId = "addPartnerNews",
            summary = "Add a partner headline",
            description = "An editor types in a partner's headline. The url identifies a headline: a url that is"
                    + " already known (typed in or imported) is answered with 200 and the existing headline,"
                    + " unchanged, so retries are safe.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = PartnerNewsRequest.class),
                            examples =
                                    @ExampleObject(
                                            value = "{\"partnerId\": 7, \"title\": \"Central bank keeps its key"
                                                    + " rate\", \"url\": \"https://news.example.org/2024/05/01/rates\","
                                                    + " \"publishedAt\": \"2024-05-01T10:15:00+03:00\", \"topic\":"
                                                    + " \"economy\"}")))
    @ApiResponse(responseCode = "201", description = "Added; Location header")
    @ApiResponse(responseCode = "200", description = "The url was already known: the existing headline")
    @ApiResponse(responseCode = "422", description = "Unknown partner or topic")
    ResponseEntity<PartnerNewsResponse> add(@Valid @RequestBody PartnerNewsRequest request) {
        PartnerNews.Added added = news.add(request);
        URI location = URI.create("/api/v1/partner-news/" + added.headline().id());
        return ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .body(added.headline());
    }

    @DeleteMapping("/{id}")
    @SecurityRequirement(name = "bearer")
    @PreAuthorize("hasRole('EDITOR')")
    @Operation(
            operationId = "deletePartnerNews",
            summary = "Remove a partner headline",
            description = "Removes it from the block. An import may add it again while the partner's feed still"
                    + " lists it.")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> delete(@Parameter(description = "Headline id", example = "311") @PathVariable long id) {
        news.delete(id);
        return ResponseEntity.noContent().build();
    }
}
