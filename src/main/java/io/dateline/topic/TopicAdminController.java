package io.dateline.topic;

import io.dateline.platform.MergePatches;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Topic administration, in the newsroom's URL tree (EDITOR by its URL rule). It stays in this
 * package because the taxonomy's rules (slugs, cycles, reassignment) are the topic feature's.
 */
@RestController
@Tag(name = "Newsroom")
@SecurityRequirement(name = "bearer")
@RequestMapping("/api/v1/newsroom/topics")
class TopicAdminController {

    private static final Set<String> READ_ONLY = Set.of("slug", "articleCount");

    private final TopicService topics;

    private final MergePatches mergePatches;

    TopicAdminController(TopicService topics, MergePatches mergePatches) {
        this.topics = topics;
        this.mergePatches = mergePatches;
    }

    @PostMapping
    @Operation(
            operationId = "createTopic",
            summary = "Create a topic",
            description = "The slug comes from the name when absent; a chosen slug that is taken is a 409. parent is"
                    + " the slug of an existing topic.")
    ResponseEntity<TopicResponse> create(@Valid @RequestBody CreateTopicRequest request) {
        TopicResponse created = topics.create(request);
        return ResponseEntity.created(URI.create("/api/v1/topics/" + created.slug()))
                .body(created);
    }

    @PatchMapping(
            value = "/{slug}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            operationId = "patchTopic",
            summary = "Edit a topic with a JSON merge patch of name, description, parent and position",
            description = "The slug is stable (400 when patched).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            examples = @ExampleObject(value = "{\"name\": \"Military & Defence\", \"position\": 40}")))
    TopicResponse update(@PathVariable String slug, @RequestBody JsonNode patch) {
        UpdateTopicRequest merged =
                mergePatches.apply(topics.currentState(slug), patch, UpdateTopicRequest.class, READ_ONLY);
        return topics.update(slug, merged);
    }

    @DeleteMapping("/{slug}")
    @Operation(
            operationId = "deleteTopic",
            summary = "Delete a topic",
            description = "Sub-topics move up to its parent. A topic that still has articles is a 409 unless"
                    + " reassignTo names the topic that takes them over.")
    ResponseEntity<Void> delete(@PathVariable String slug, @RequestParam(required = false) String reassignTo) {
        topics.delete(slug, reassignTo);
        return ResponseEntity.noContent().build();
    }
}
