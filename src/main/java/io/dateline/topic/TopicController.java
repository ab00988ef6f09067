package io.dateline.topic;

import io.dateline.platform.ETags;
import io.dateline.platform.HttpProperties;
import io.dateline.platform.MergePatches;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.CRC32C;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/topics")
@Tag(name = "Topics", description = "Sections and sub-topics; reads are public, changes are for editors")
class TopicController {

    private static final Set<String> READ_ONLY = Set.of("slug", "articleCount");

    private final TopicService topics;

    private final MergePatches mergePatches;

    private final HttpProperties http;

    TopicController(TopicService topics, MergePatches mergePatches, HttpProperties http) {
        this.topics = topics;
        this.mergePatches = mergePatches;
        this.http = http;
    }

    @GetMapping
    @Operation(
            summary = "List topics",
            description = "Every topic as a flat list ordered by position then name, each with its parent's slug (a"
                    + " tree in two levels: sections and sub-topics) and its number of published articles.")
    @ApiResponse(responseCode = "200", description = "The topics; ETag and Cache-Control: public")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag the client has")
    @ApiResponse(
            responseCode = "401",
            description = "A bearer token was sent but is unknown, expired or revoked; send none to read anonymously",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<TopicList> list() {
        TopicList list = new TopicList(topics.list());
        CRC32C crc = new CRC32C();
        crc.update(list.toString().getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok()
                .eTag(ETags.weak(HexFormat.of().toHexDigits((int) crc.getValue())))
                .cacheControl(CacheControl.maxAge(http.articleMaxAge()).cachePublic())
                .body(list);
    }

    @GetMapping("/{slug}")
    @Operation(summary = "Show a topic", description = "One topic with its number of published articles.")
    @ApiResponse(responseCode = "200", description = "The topic")
    @ApiResponse(
            responseCode = "404",
            description = "No such topic",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<TopicResponse> get(
            @Parameter(description = "Topic slug", example = "world") @PathVariable String slug) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(http.articleMaxAge()).cachePublic())
                .body(topics.get(slug));
    }

    @PostMapping
    @PreAuthorize("hasRole('EDITOR')")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Create a topic (EDITOR)",
            description = "The slug is generated from the name when absent (Cyrillic transliterated, suffixed when"
                    + " taken); a chosen slug that is taken is a 409. parent is the slug of an existing topic.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = CreateTopicRequest.class),
                            examples =
                                    @ExampleObject(
                                            value =
                                                    "{\"name\": \"Arctic\", \"description\": \"The Northern Sea Route and the Arctic"
                                                            + " shelf\", \"parent\": \"world\", \"position\": 25}")))
    @ApiResponse(responseCode = "201", description = "Created; Location header")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "403",
            description = "Not an editor",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "Slug taken",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "Unknown parent",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<TopicResponse> create(@Valid @RequestBody CreateTopicRequest request) {
        TopicResponse created = topics.create(request);
        return ResponseEntity.created(URI.create("/api/v1/topics/" + created.slug()))
                .body(created);
    }

    @PatchMapping(
            value = "/{slug}",
            consumes = {"application/merge-patch+json", "application/json"})
    @PreAuthorize("hasRole('EDITOR')")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Edit a topic (EDITOR)",
            description = "JSON merge patch of name, description, parent and position. The slug is stable (400).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            examples = @ExampleObject(value = "{\"name\": \"Military & Defence\", \"position\": 40}")))
    @ApiResponse(responseCode = "200", description = "The new state")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields or read-only slug",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "No such topic",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "Unknown parent, or a parent that would make a cycle",
            content = @Content(mediaType = "application/problem+json"))
    TopicResponse update(
            @Parameter(description = "Topic slug", example = "world") @PathVariable String slug,
            @RequestBody JsonNode patch) {
        UpdateTopicRequest merged =
                mergePatches.apply(topics.currentState(slug), patch, UpdateTopicRequest.class, READ_ONLY);
        return topics.update(slug, merged);
    }

    @DeleteMapping("/{slug}")
    @PreAuthorize("hasRole('EDITOR')")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Delete a topic (EDITOR)",
            description = "Sub-topics move up to the deleted topic's parent. A topic that still has articles (of any"
                    + " status) is a 409 unless reassignTo names the topic that takes them over.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "404",
            description = "No such topic",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "The topic still has articles",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "Unknown reassignTo topic",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> delete(
            @Parameter(description = "Topic slug", example = "world") @PathVariable String slug,
            @Parameter(description = "Slug of the topic that takes over this topic's articles")
                    @RequestParam(required = false)
                    String reassignTo) {
        topics.delete(slug, reassignTo);
        return ResponseEntity.noContent().build();
    }
}
