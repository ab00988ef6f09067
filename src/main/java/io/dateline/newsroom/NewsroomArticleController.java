package io.dateline.newsroom;

import io.dateline.newsroom.EditorLists.EditorState;
import io.dateline.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Articles as editors see them: any state, with the strong ETag that If-Match needs. Every response
 * is private and never stored, so that an editor's next read sees the change just made. Roles are
 * URL rules (EDITOR for the tree, ADMIN for purge), see SecurityConfiguration.
 */
@RestController
@Tag(name = "Newsroom")
@SecurityRequirement(name = "bearer")
@RequestMapping("/api/v1/newsroom/articles")
class NewsroomArticleController {

    static final CacheControl EDITOR_VIEW = CacheControl.noStore().cachePrivate();

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private static final int MAX_EDITOR_NAME = 100;

    private final EditorialService editorial;

    private final EditorLists lists;

    private final Clock clock;

    NewsroomArticleController(EditorialService editorial, EditorLists lists, Clock clock) {
        this.editorial = editorial;
        this.lists = lists;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            operationId = "listNewsroomArticles",
            summary = "Articles in any state, with the feed's filters",
            description =
                    "Drafts and archived articles most recently changed first, published newest first, scheduled next to appear first; all states most recently changed first. Pass nextCursor back as cursor with the same filters.")
    ResponseEntity<EditorPage> list(@ParameterObject ListParameters parameters) {
        EditorPage page =
                lists.page(parameters.filter(), parameters.cursor(), parameters.limitOrDefault(), clock.instant());
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(page);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getNewsroomArticle",
            summary = "An article's editable state and strong ETag",
            description =
                    "Any state. Its ETag is the one to send in If-Match; a JSON merge patch applies to exactly this document.")
    ResponseEntity<EditorArticleResponse> get(@PathVariable long id) {
        return editor(HttpStatus.OK, editorial.editorView(id));
    }

    @PostMapping
    @Operation(
            operationId = "createArticle",
            summary = "Create a draft",
            description = "The slug comes from the headline. With an Idempotency-Key, a retry with the same body"
                    + " returns the first 201 (Idempotent-Replayed: true); the same key with another body is a 422.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "one page", value = ArticleExamples.CREATE)))
    ResponseEntity<EditorArticleResponse> create(
            @Valid @RequestBody ArticleRequest request,
            @Parameter(description = "1 to 200 visible ASCII characters, unique per request")
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
            operationId = "replaceArticle",
            summary = "Replace an article's content (If-Match required)",
            description =
                    "Replaces every editable member (absent optional members are cleared). Workflow fields are not accepted.")
    ResponseEntity<EditorArticleResponse> replace(
            @PathVariable long id,
            @Valid @RequestBody ArticleRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication authentication) {
        return editor(HttpStatus.OK, editorial.replace(id, request, ifMatch, editorName(authentication)));
    }

    @PatchMapping(
            value = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            operationId = "patchArticle",
            summary = "Edit an article with a JSON merge patch (If-Match required)",
            description = "RFC 7396: members present replace the current ones, null clears an optional member.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            schema = @Schema(type = "object"),
                            examples = @ExampleObject(name = "new headline", value = ArticleExamples.PATCH)))
    ResponseEntity<EditorArticleResponse> patch(
            @PathVariable long id,
            @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication authentication) {
        return editor(HttpStatus.OK, editorial.patch(id, patch, ifMatch, editorName(authentication)));
    }

    @PostMapping("/{id}/publish")
    @Operation(
            operationId = "publishArticle",
            summary = "Publish now, or schedule for publishAt",
            description =
                    "Publishes now, or at publishAt (a later time schedules it). Archived articles must be unpublished first (409). If-Match is checked when sent.")
    ResponseEntity<EditorArticleResponse> publish(
            @PathVariable long id,
            @Valid @RequestBody(required = false) PublishRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication authentication) {
        var publishAt = request == null || request.publishAt() == null
                ? null
                : request.publishAt().toInstant();
        return editor(HttpStatus.OK, editorial.publish(id, publishAt, ifMatch, editorName(authentication)));
    }

    @PostMapping("/{id}/unpublish")
    @Operation(
            operationId = "unpublishArticle",
            summary = "Back to a draft, gone from public reads at once",
            description = "From published, scheduled or archived. If-Match is checked when sent.")
    ResponseEntity<EditorArticleResponse> unpublish(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication authentication) {
        return editor(HttpStatus.OK, editorial.unpublish(id, ifMatch, editorName(authentication)));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "archiveArticle",
            summary = "Archive: gone from the public, kept for editors",
            description =
                    "Archiving twice is harmless. If-Match is checked when sent; the answer carries the new ETag.")
    ResponseEntity<Void> archive(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication authentication) {
        EditorialService.Saved saved = editorial.archive(id, ifMatch, editorName(authentication));
        return ResponseEntity.noContent().eTag(saved.etag()).build();
    }

    @PutMapping("/{id}/featured")
    @Operation(
            operationId = "featureArticle",
            summary = "Pin an article (featured), optionally until a time",
            description = "A new revision. Featured articles are listed by GET /api/v1/articles?featured=true, newest"
                    + " first; All news stays chronological. The pin stops counting at until without a further"
                    + " write (until must be still to come). Sending the same pin again changes nothing."
                    + " If-Match is checked when sent.")
    ResponseEntity<EditorArticleResponse> feature(
            @PathVariable long id,
            @Valid @RequestBody(required = false) FeatureRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication authentication) {
        var until = request == null || request.until() == null
                ? null
                : request.until().toInstant();
        return editor(HttpStatus.OK, editorial.feature(id, until, ifMatch, editorName(authentication)));
    }

    @DeleteMapping("/{id}/featured")
    @Operation(
            operationId = "unfeatureArticle",
            summary = "Remove an article's pin",
            description = "A new revision when it was pinned (expired or not). If-Match is checked when sent.")
    ResponseEntity<EditorArticleResponse> unfeature(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication authentication) {
        return editor(HttpStatus.OK, editorial.unfeature(id, ifMatch, editorName(authentication)));
    }

    @PutMapping("/{id}/breaking")
    @Operation(
            operationId = "markArticleBreaking",
            summary = "Mark an article as breaking news with an IPTC urgency",
            description = "A new revision. Urgency 1 (most urgent) to 9, as in ninjs. Breaking news ends at until, or"
                    + " after dateline.newsroom.breaking-for (6 h) when absent, without a further write; public"
                    + " reads then show breaking false and urgency null. If-Match is checked when sent.")
    ResponseEntity<EditorArticleResponse> markBreaking(
            @PathVariable long id,
            @Valid @RequestBody BreakingRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication authentication) {
        var until = request.until() == null ? null : request.until().toInstant();
        return editor(
                HttpStatus.OK,
                editorial.markBreaking(id, request.urgency(), until, ifMatch, editorName(authentication)));
    }

    @DeleteMapping("/{id}/breaking")
    @Operation(
            operationId = "endArticleBreaking",
            summary = "End breaking news for an article now",
            description = "A new revision when it had an urgency (expired or not). If-Match is checked when sent.")
    ResponseEntity<EditorArticleResponse> endBreaking(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication authentication) {
        return editor(HttpStatus.OK, editorial.endBreaking(id, ifMatch, editorName(authentication)));
    }

    @PostMapping("/{id}/purge")
    @Operation(
            operationId = "purgeArticle",
            summary = "Delete for good (ADMIN)",
            description = "With its pages, revisions and the related-article links pointing at it. Cannot be undone.")
    ResponseEntity<Void> purge(@PathVariable long id) {
        editorial.purge(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/revisions")
    @Operation(
            operationId = "listRevisions",
            summary = "Every change, newest first",
            description = "Version, action, editor and time of every change.")
    ResponseEntity<RevisionList> revisions(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(new RevisionList(editorial.revisions(id)));
    }

    @GetMapping("/{id}/revisions/{version}")
    @Operation(
            operationId = "getRevision",
            summary = "The article as that version left it",
            description = "The full state of the article as that version left it.")
    ResponseEntity<RevisionResponse> revision(@PathVariable long id, @PathVariable long version) {
        return ResponseEntity.ok().cacheControl(EDITOR_VIEW).body(editorial.revision(id, version));
    }

    @PostMapping("/{id}/revisions/{version}/restore")
    @Operation(
            operationId = "restoreRevision",
            summary = "Make a version's content current again, as a new revision",
            description = "The workflow state (status, publish time) is not changed. If-Match is checked when sent.")
    ResponseEntity<EditorArticleResponse> restore(
            @PathVariable long id,
            @PathVariable long version,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Authentication authentication) {
        return editor(HttpStatus.OK, editorial.restore(id, version, ifMatch, editorName(authentication)));
    }

    private static ResponseEntity<EditorArticleResponse> editor(HttpStatus status, EditorialService.Saved saved) {
        return ResponseEntity.status(status)
                .eTag(saved.etag())
                .cacheControl(EDITOR_VIEW)
                .body(saved.article());
    }

    private static String editorName(Authentication authentication) {
        String name = authentication.getName();
        return name.length() > MAX_EDITOR_NAME ? name.substring(0, MAX_EDITOR_NAME) : name;
    }

    /** The public feed's filters, plus the workflow state. */
    record ListParameters(
            @Parameter(description = "DRAFT, PUBLISHED, SCHEDULED or ARCHIVED; every state when absent")
            EditorState status,

            List<@Size(max = 80) String> topic,

            List<@Size(max = 80) String> excludeTopic,

            List<
                            @jakarta.validation.constraints.Pattern(
                                    regexp = "[a-z]{2}",
                                    message = "must be an ISO 639-1 code")
                            String>
                    language,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            OffsetDateTime since,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            OffsetDateTime until,

            @Size(max = 100) String source,

            @Size(max = 100) String dateline,

            @Min(1) @Max(100) Integer limit,

            @Size(max = 512) String cursor) {

        static final int DEFAULT_LIMIT = 20;

        int limitOrDefault() {
            return limit == null ? DEFAULT_LIMIT : limit;
        }

        EditorLists.Filter filter() {
            if (since != null && until != null && !since.isBefore(until)) {
                throw new ProblemException(
                                HttpStatus.BAD_REQUEST, "validation", "Invalid request", "since must be before until.")
                        .with("errors", List.of(java.util.Map.of("field", "since", "message", "must be before until")));
            }
            return new EditorLists.Filter(
                    status,
                    topic == null ? List.of() : topic,
                    excludeTopic == null ? List.of() : excludeTopic,
                    language == null ? List.of() : language,
                    since == null ? null : since.toInstant(),
                    until == null ? null : until.toInstant(),
                    blankToNull(source),
                    blankToNull(dateline));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
