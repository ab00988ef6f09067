package io.dateline.search;

import io.dateline.platform.HttpProperties;
import io.dateline.platform.InvalidFieldsException;
import io.dateline.topic.TopicRef;
import io.dateline.topic.TopicService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over the news, and suggestions while the reader types. */
@RestController
@Tag(name = "Search", description = "Full-text search in English, Russian and other languages, and suggestions")
class SearchController {

    static final String PATH = "/api/v1/search";

    private final SearchService search;

    private final TopicService topics;

    private final HttpProperties http;

    SearchController(SearchService search, TopicService topics, HttpProperties http) {
        this.search = search;
        this.topics = topics;
        this.http = http;
    }

    @GetMapping(PATH)
    @Operation(operationId = "searchArticles", summary = "Search the news", description = """
                    Finds articles whose headline, lead, body or topic names match `q`, in web-search syntax: \
                    words (all must occur; English and Russian words match their other forms: "meetings" \
                    finds "meeting", "министров" finds "министр"), "quoted phrases", `or`, and `-word` to \
                    exclude. Any other character, operator or quote is just text. Each language is searched \
                    with its own stemming.

                    `sort=relevance` (default) ranks the newest 200 matches \
                    (`dateline.search.relevance-candidates`) by how well they match (headline above lead and \
                    topic names above body, closeness of the words) blended with recency: \
                    `score = rank / (1 + ageInDays / halfLifeInDays)`, half-life \
                    `dateline.search.recency-half-life` (30 days). Its pages end after those 200 results: \
                    the cursor after that answers 400 search-too-deep. `sort=date` lists every match newest \
                    first, with no such limit.

                    `total` says how many articles match: counted exactly up to 1,000 matches \
                    (`dateline.search.exact-total-limit`) with `relation: eq`; above that it is PostgreSQL's \
                    estimate from its statistics, with `relation: estimate`, since counting every match of \
                    common words would cost more than the search itself.

                    Highlights mark the matched words with `<mark>`; all other text in them is HTML-escaped. \
                    The filters work as in the feed and combine with the query. Results are public and \
                    cacheable; editors search drafts, scheduled and archived articles under \
                    /api/v1/newsroom/search.""")
    @ApiResponse(responseCode = "200", description = "One page of results, best or newest first")
    @ApiResponse(responseCode = "304", description = "The page is unchanged since the ETag in If-None-Match")
    @ApiResponse(
            responseCode = "400",
            description = "q empty or over 200 characters, another invalid parameter, a garbled, forged or foreign"
                    + " cursor, or a relevance page beyond the ranked results (search-too-deep)",
            content = @Content(examples = @ExampleObject(name = "search-too-deep", value = """
                                    {"type": "/problems/search-too-deep", "title": "Search results too deep",
                                     "status": 400, "detail": "Relevance-sorted results end after the first\
                                     200 results. Add words or filters to narrow the search, or use\
                                     sort=date, which pages through every match.", "maxResults": 200}""")))
    @ApiResponse(responseCode = "422", description = "A topic slug in topic or excludeTopic does not exist")
    @ApiResponse(
            responseCode = "503",
            description = "More searches are running than the service takes at once and this one's turn did not come"
                    + " in time (search-busy), the search ran past its statement timeout (query-timeout), or the"
                    + " database did not answer (database-unavailable); retry after the time in Retry-After")
    ResponseEntity<SearchResponse> search(@ParameterObject SearchParameters parameters) {
        SearchQuery query = parameters.query(topics, SearchScope.PUBLISHED);
        SearchService.Result result = search.search(query, parameters.cursor(), parameters.limitOrDefault());
        CacheControl cache = CacheControl.maxAge(http.feedMaxAge()).cachePublic();
        // Spring answers If-None-Match with 304 from this ETag
        return ResponseEntity.ok()
                .eTag(result.etag())
                .cacheControl(cache)
                .varyBy(HttpHeaders.AUTHORIZATION)
                .body(result.page());
    }

    @GetMapping(PATH + "/suggest")
    @Operation(operationId = "suggestArticles", summary = "Suggestions while typing", description = """
                    Up to `limit` suggestions for what the reader has typed so far: topics whose name has words \
                    starting with the typed words (or resembles them), then the newest published headlines with \
                    words starting with every typed word, then, when those are too few, headlines that resemble \
                    the typed text, so that typos still find something ("Lavorv" finds "Lavrov").""")
    @ApiResponse(responseCode = "200", description = "Topics first, then headlines; possibly none")
    ResponseEntity<SuggestionResponse> suggest(
            @Parameter(description = "What the reader has typed so far", example = "lavr", required = true)
                    @RequestParam
                    @NotBlank
                    @Size(max = SearchParameters.MAX_QUERY_LENGTH)
                    String q,
            @Parameter(description = "How many suggestions, 1 to 10", example = "10")
                    @RequestParam(defaultValue = "10")
                    @Min(1)
                    @Max(10)
                    int limit) {
        String text = SearchQuery.normalize(q);
        if (text.isEmpty()) {
            throw InvalidFieldsException.of("q", "must not be blank");
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(http.feedMaxAge()).cachePublic())
                .body(search.suggest(text, limit));
    }

    /** The query parameters of a search. */
    record SearchParameters(
            @Parameter(
                    description = "What to search for, in web-search syntax: words, \"quoted phrases\", or, -excluded",
                    example = "Lavrov \"Syria talks\" -football",
                    required = true)
            @NotBlank
            @Size(max = MAX_QUERY_LENGTH)
            String q,

            @Parameter(
                    description = "relevance: best match blended with recency (the newest 200 matches);"
                            + " date: newest first, through every match",
                    schema =
                            @Schema(
                                    allowableValues = {"relevance", "date"},
                                    defaultValue = "relevance"))
            @Pattern(regexp = "relevance|date", message = "must be relevance or date")
            String sort,

            @Parameter(
                    description =
                            "Only these ISO 639-1 languages (repeatable), e.g. ru; each is searched with its own stemming")
            List<@Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en") String> language,

            @Parameter(description = "Only articles filed under any of these topic slugs (repeatable)")
            List<@Size(max = 80) String> topic,

            @Parameter(description = "Never articles filed under any of these topic slugs (repeatable)")
            List<@Size(max = 80) String> excludeTopic,

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

            @Parameter(description = "nextCursor of the previous page, with the same parameters") @Size(max = 512)
            String cursor) {

        static final int MAX_QUERY_LENGTH = 200;

        static final int DEFAULT_LIMIT = 20;

        int limitOrDefault() {
            return limit == null ? DEFAULT_LIMIT : limit;
        }

        SearchQuery query(TopicService topics, SearchScope scope) {
            String text = SearchQuery.normalize(q);
            if (text.isEmpty()) {
                throw InvalidFieldsException.of("q", "must not be blank");
            }
            if (since != null && until != null && !since.isBefore(until)) {
                throw InvalidFieldsException.of("since", "must be before until");
            }
            return new SearchQuery(
                    text,
                    SearchSort.of(sort),
                    scope,
                    language == null || language.isEmpty() ? null : Set.copyOf(language),
                    ids(topics, topic),
                    ids(topics, excludeTopic),
                    since == null ? null : since.toInstant(),
                    until == null ? null : until.toInstant(),
                    blankToNull(source),
                    blankToNull(dateline));
        }

        /** The ids of these topic slugs; unknown slugs are a 422 that names them. */
        private static Set<Long> ids(TopicService topics, List<String> slugs) {
            if (slugs == null || slugs.isEmpty()) {
                return Set.of();
            }
            return topics.requireAll(slugs).stream().map(TopicRef::id).collect(Collectors.toSet());
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
