package io.dateline.feed;

import io.dateline.platform.HttpProperties;
import io.dateline.platform.InvalidFieldsException;
import io.dateline.reader.FeedPreferences;
import io.dateline.reader.ReaderPreferencesService;
import io.dateline.topic.TopicNotFoundException;
import io.dateline.topic.TopicService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "All news", one topic's stream, and a reader's own feed: the same paging, different filters. */
@RestController
@Tag(name = "Feed", description = "News streams with filters and \"Show more\" cursor paging")
class FeedController {

    private final FeedService feed;

    private final TopicService topics;

    private final ReaderPreferencesService preferences;

    private final HttpProperties http;

    FeedController(FeedService feed, TopicService topics, ReaderPreferencesService preferences, HttpProperties http) {
        this.feed = feed;
        this.topics = topics;
        this.preferences = preferences;
        this.http = http;
    }

    @GetMapping("/api/v1/articles")
    @Operation(
            operationId = "listArticles",
            summary = "All news",
            description = "Published articles, newest first (publishedAt desc, id desc), anonymous and cacheable;"
                    + " every filter combines with the others; walk the stream by passing nextCursor back as cursor"
                    + " with the same filters.")
    @FeedErrorResponses
    ResponseEntity<FeedPage> allNews(@ParameterObject StreamParameters parameters) {
        FeedQuery query = feed.compose(parameters.filter(), FeedPreferences.NONE);
        return respond(feed.page(query, parameters.cursor(), parameters.limitOrDefault()), false);
    }

    @GetMapping("/api/v1/topics/{slug}/articles")
    @Operation(
            operationId = "listTopicArticles",
            summary = "One topic's stream",
            description = "Published articles filed under this topic, newest first; the same filters and paging as"
                    + " All news.")
    @FeedErrorResponses
    @ApiResponse(responseCode = "404", description = "No topic has this slug")
    ResponseEntity<FeedPage> topicStream(
            @Parameter(description = "Topic slug", example = "world") @PathVariable String slug,
            @ParameterObject StreamParameters parameters) {
        if (topics.find(slug).isEmpty()) {
            throw new TopicNotFoundException(slug);
        }
        FeedQuery query = feed.compose(parameters.filter().withTopic(slug), FeedPreferences.NONE);
        return respond(feed.page(query, parameters.cursor(), parameters.limitOrDefault()), false);
    }

    @GetMapping("/api/v1/feed")
    @Operation(
            operationId = "getFeed",
            summary = "My feed",
            description = "With a token whose preferences have filterEnabled: published articles in any followed topic"
                    + " (all topics when none are followed), none in a muted topic, in the chosen languages;"
                    + " the query filters narrow it further. filter=off, or an anonymous caller, gets All news."
                    + " Personalised pages are cached privately only.")
    @FeedErrorResponses
    ResponseEntity<FeedPage> myFeed(
            Authentication caller,
            @Parameter(
                            description = "off shows All news without the preferences",
                            schema = @Schema(allowableValues = {"on", "off"}))
                    @RequestParam(defaultValue = "on")
                    @Pattern(regexp = "on|off", message = "must be on or off")
                    String filter,
            @ParameterObject StreamParameters parameters) {
        boolean signedIn = caller != null && !(caller instanceof AnonymousAuthenticationToken);
        FeedPreferences applied = signedIn && filter.equals("on")
                ? preferences.feedPreferencesOf(caller.getName())
                : FeedPreferences.NONE;
        FeedQuery query = feed.compose(parameters.filter(), applied);
        return respond(feed.page(query, parameters.cursor(), parameters.limitOrDefault()), signedIn);
    }

    /** Spring answers If-None-Match with 304 from the ETag set here. */
    private ResponseEntity<FeedPage> respond(FeedService.Result result, boolean personal) {
        CacheControl cache = personal
                ? CacheControl.maxAge(http.feedMaxAge()).cachePrivate()
                : CacheControl.maxAge(http.feedMaxAge()).cachePublic();
        return ResponseEntity.ok()
                .eTag(result.etag())
                .cacheControl(cache)
                .varyBy(HttpHeaders.AUTHORIZATION)
                .body(result.page());
    }

    /** Query parameters shared by every stream. */
    record StreamParameters(
            @Parameter(description = "Only articles filed under any of these topic slugs (repeatable)")
            List<@Size(max = 80) String> topic,

            @Parameter(description = "Never articles filed under any of these topic slugs (repeatable)")
            List<@Size(max = 80) String> excludeTopic,

            @Parameter(description = "Only articles in these ISO 639-1 languages (repeatable), e.g. en")
            List<@Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en") String> language,

            @Parameter(
                    description = "Published at or after this instant (ISO-8601 with offset)",
                    example = "2024-05-01T00:00:00Z")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            OffsetDateTime since,

            @Parameter(description = "Published before this instant (ISO-8601 with offset)")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            OffsetDateTime until,

            @Parameter(description = "Source credit, case-insensitive", example = "Dateline") @Size(max = 100)
            String source,

            @Parameter(description = "Dateline place, case-insensitive", example = "MOSCOW") @Size(max = 100)
            String dateline,

            @Parameter(description = "Page size, 1 to 100", example = "20") @Min(1) @Max(100)
            Integer limit,

            @Parameter(description = "nextCursor of the previous page, with the same filters") @Size(max = 512)
            String cursor,

            @Parameter(
                    description = "true: only featured (pinned) articles, newest first; false: none of them."
                            + " A pin that has expired no longer counts.")
            Boolean featured,

            @Parameter(
                    description = "true: only breaking news (an urgency is set and has not expired), newest"
                            + " first; false: none of it")
            Boolean breaking) {

        static final int DEFAULT_LIMIT = 20;

        int limitOrDefault() {
            return limit == null ? DEFAULT_LIMIT : limit;
        }

        FeedFilter filter() {
            if (since != null && until != null && !since.isBefore(until)) {
                throw InvalidFieldsException.of("since", "must be before until");
            }
            return new FeedFilter(
                    topic == null ? List.of() : topic,
                    excludeTopic == null ? List.of() : excludeTopic,
                    language == null ? List.of() : language,
                    since == null ? null : since.toInstant(),
                    until == null ? null : until.toInstant(),
                    blankToNull(source),
                    blankToNull(dateline),
                    featured,
                    breaking);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
