package io.dateline.article;

import io.dateline.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The editorial API, for editors (admins included). Responses are private and never stored by a
 * cache, so that an editor's follow-up read always sees the change just made. The editors' GET views
 * share their paths with the public reads and live in {@link ArticleController}.
 */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Editorial", description = "Writing, publishing and revising articles (EDITOR)")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasRole('EDITOR')")
class EditorialController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    static final CacheControl EDITOR_VIEW = CacheControl.noStore().cachePrivate();

    private static final int MAX_EDITOR_NAME = 100;

    private final EditorialService editorial;

    EditorialController(EditorialService editorial) {
        this.editorial = editorial;
    }

    @PostMapping
    @Operation(
            operationId = "createArticle",
            summary = "Create an article",
            description = "Creates a draft. The slug comes from the headline (Cyrillic transliterated) and gets a"
                    + " numeric suffix when taken. Page HTML is sanitized; plain-text fields are stored as given. With"
                    + " an Idempotency-Key, a retry with the same body returns the first 201 (header"
                    + " Idempotent-Replayed: true) and creates nothing; the same key with another body is a 422.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = ArticleRequest.class),
                            examples = @ExampleObject(name = "one page", value = ArticleExamples.CREATE)))
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers",
            content =
                    @Content(
                            schema = @Schema(implementation = EditorArticleResponse.class),
                            examples = @ExampleObject(value = ArticleExamples.EDITOR_VIEW)))
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields, unknown or read-only properties",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(value = ArticleExamples.VALIDATION_PROBLEM)))
    @ApiResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "403",
            description = "Not an editor",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "413",
            description = "Request body over dateline.http.max-request-size",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "Unknown topic slug or related article id, or an Idempotency-Key reused with another body",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(value = ArticleExamples.UNKNOWN_TOPIC_PROBLEM)))
    ResponseEntity<EditorArticleResponse> create(
            @Valid @RequestBody ArticleRequest request,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "Makes retries safe: 1 to 200 visible ASCII characters, unique per request")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            Authentication authentication) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new ProblemException(
                            HttpStatus.BAD_REQUEST,
                            "invalid-parameter",
                            "Invalid Idempotency-Key",
                            "An Idempotency-Key is 1 to 200 visible ASCII characters.")
                    .with("header", "Idempotency-Key");
        }
        EditorialService.Saved saved = editorial.create(request, editorName(authentication), idempotencyKey);
        ResponseEntity.BodyBuilder response =
                ResponseEntity.created(saved.location()).eTag(saved.etag()).cacheControl(EDITOR_VIEW);
        if (saved.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(saved.article());
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace an article's content",
            description = "Replaces every editable member (absent optional members are cleared). Requires If-Match"
                    + " with the current ETag. Workflow fields (id, slug, status, version, dates) are not accepted.")
    @ArticleWriteResponses
    ResponseEntity<EditorArticleResponse> replace(
            @Parameter(description = "Article id", example = "1042") @PathVariable long id,
            @Valid @RequestBody ArticleRequest request,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "The ETag from the last read or write",
                            example = "\"1042-3\"")
                    @RequestHeader(name = "If-Match", required = false)
                    String ifMatch,
            Authentication authentication) {
        return editor(HttpStatus.OK, editorial.replace(id, request, ifMatch, editorName(authentication)));
    }

    @PatchMapping(
            value = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            summary = "Edit an article (JSON merge patch)",
            description = "RFC 7396: members present replace the current ones, null clears an optional member. Setting"
                    + " 'body' replaces all pages with one. Requires If-Match; id, slug, status, version, createdAt,"
                    + " updatedAt, publishedAt and revisions are read-only (400).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = ArticleRequest.class),
                            examples = @ExampleObject(name = "new headline", value = ArticleExamples.PATCH)))
    @ArticleWriteResponses
    ResponseEntity<EditorArticleResponse> patch(
            @Parameter(description = "Article id", example = "1042") @PathVariable long id,
            @RequestBody JsonNode patch,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "The ETag from the last read or write",
                            example = "\"1042-3\"")
                    @RequestHeader(name = "If-Match", required = false)
                    String ifMatch,
            Authentication authentication) {
        return editor(HttpStatus.OK, editorial.patch(id, patch, ifMatch, editorName(authentication)));
    }

    @PostMapping("/{id}/publish")
    @Operation(
            summary = "Publish or schedule",
            description = "Publishes now, or at publishAt (a later time schedules it: the article becomes visible"
                    + " exactly then). Publishing a live article again without a time changes nothing. Archived"
                    + " articles must be unpublished first (409). If-Match is optional and checked when sent.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = false,
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "scheduled",
                                            value = "{\"publishAt\": \"2026-12-22T19:08:00+03:00\"}")))
    @ApiResponse(responseCode = "200", description = "The new state")
    @ApiResponse(
            responseCode = "404",
            description = "No such article",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "Archived",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<EditorArticleResponse> publish(
            @Parameter(description = "Article id", example = "1042") @PathVariable long id,
            @Valid @RequestBody(required = false) PublishRequest request,
            @Parameter(in = ParameterIn.HEADER, description = "The ETag from the last read or write; checked when sent")
                    @RequestHeader(name = "If-Match", required = false)
                    String ifMatch,
            Authentication authentication) {
        var publishAt = request == null || request.publishAt() == null
                ? null
                : request.publishAt().toInstant();
        return editor(HttpStatus.OK, editorial.publish(id, publishAt, ifMatch, editorName(authentication)));
    }

    @PostMapping("/{id}/unpublish")
    @Operation(
            summary = "Unpublish",
            description = "Back to a draft: from published, scheduled or archived. Gone from public reads at once.")
    @ApiResponse(responseCode = "200", description = "The new state")
    @ApiResponse(
            responseCode = "404",
            description = "No such article",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<EditorArticleResponse> unpublish(
            @Parameter(description = "Article id", example = "1042") @PathVariable long id,
            @Parameter(in = ParameterIn.HEADER, description = "The ETag from the last read or write; checked when sent")
                    @RequestHeader(name = "If-Match", required = false)
                    String ifMatch,
            Authentication authentication) {
        return editor(HttpStatus.OK, editorial.unpublish(id, ifMatch, editorName(authentication)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('EDITOR') and (!#purge or hasRole('ADMIN'))")
    @Operation(
            summary = "Archive an article, or delete it for good",
            description = "Archiving removes the article from the public and keeps it for editors (?status=ARCHIVED);"
                    + " archiving twice is harmless. With purge=true (ADMIN only) the article is deleted with its"
                    + " pages, revisions and the related-article links pointing at it; that cannot be undone.")
    @ApiResponse(responseCode = "204", description = "Archived (ETag of the new version) or deleted")
    @ApiResponse(
            responseCode = "403",
            description = "Not an editor, or purge without ADMIN",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "No such article",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> delete(
            @Parameter(description = "Article id", example = "1042") @PathVariable long id,
            @Parameter(description = "true to delete for good (ADMIN)") @RequestParam(defaultValue = "false")
                    boolean purge,
            @Parameter(in = ParameterIn.HEADER, description = "The ETag from the last read or write; checked when sent")
                    @RequestHeader(name = "If-Match", required = false)
                    String ifMatch,
            Authentication authentication) {
        if (purge) {
            editorial.purge(id);
            return ResponseEntity.noContent().build();
        }
        EditorialService.Saved saved = editorial.archive(id, ifMatch, editorName(authentication));
        return ResponseEntity.noContent().eTag(saved.etag()).build();
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "List revisions", description = "Every change, newest first: version, action, editor, time.")
    @ApiResponse(responseCode = "200", description = "The revisions")
    @ApiResponse(
            responseCode = "404",
            description = "No such article",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<RevisionList> revisions(
            @Parameter(description = "Article id", example = "1042") @PathVariable long id) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(new RevisionList(editorial.revisions(id)));
    }

    @GetMapping("/{id}/revisions/{version}")
    @Operation(summary = "Show a revision", description = "The full state of the article as that version left it.")
    @ApiResponse(responseCode = "200", description = "The revision with its snapshot")
    @ApiResponse(
            responseCode = "404",
            description = "No such article or revision",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<RevisionResponse> revision(
            @Parameter(description = "Article id", example = "1042") @PathVariable long id,
            @Parameter(description = "Revision version", example = "3") @PathVariable long version) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(editorial.revision(id, version));
    }

    @PostMapping("/{id}/revisions/{version}/restore")
    @Operation(
            summary = "Restore a revision",
            description = "Makes the content of that version current again, as a new revision (RESTORED). The workflow"
                    + " state (status, publish time) is not changed. If-Match is optional and checked when sent.")
    @ApiResponse(responseCode = "200", description = "The new state")
    @ApiResponse(
            responseCode = "404",
            description = "No such article or revision",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "A topic of that revision no longer exists",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<EditorArticleResponse> restore(
            @Parameter(description = "Article id", example = "1042") @PathVariable long id,
            @Parameter(description = "Revision version", example = "3") @PathVariable long version,
            @Parameter(in = ParameterIn.HEADER, description = "The ETag from the last read or write; checked when sent")
                    @RequestHeader(name = "If-Match", required = false)
                    String ifMatch,
            Authentication authentication) {
        return editor(HttpStatus.OK, editorial.restore(id, version, ifMatch, editorName(authentication)));
    }

    static ResponseEntity<EditorArticleResponse> editor(HttpStatus status, EditorialService.Saved saved) {
        return ResponseEntity.status(status)
                .eTag(saved.etag())
                .cacheControl(EDITOR_VIEW)
                .body(saved.article());
    }

    private static String editorName(Authentication authentication) {
        String name = authentication.getName();
        return name.length() > MAX_EDITOR_NAME ? name.substring(0, MAX_EDITOR_NAME) : name;
    }
}
