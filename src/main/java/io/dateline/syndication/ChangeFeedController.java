package io.dateline.syndication;

import io.dateline.article.ChangeLogProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The change feed: what an app holding a copy of the public articles must apply since its last visit. */
@RestController
@RequestMapping("/api/v1/changes")
@Tag(name = "Changes", description = "Keeping an app's copy of the public articles in sync")
class ChangeFeedController {

    private final ChangeFeed feed;

    private final ChangeLogProperties properties;

    ChangeFeedController(ChangeFeed feed, ChangeLogProperties properties) {
        this.feed = feed;
        this.properties = properties;
    }

    @GetMapping
    @Operation(
            operationId = "listChanges",
            summary = "Changes since a cursor",
            description = "Every public change of an article, oldest first: published, updated (both carry the"
                    + " article's summary as it is now), unpublished, archived and deleted (tombstones: only id and"
                    + " type). Without since, from the beginning: replaying every page gives exactly the visible"
                    + " articles. Store next and pass it as since on the next visit, also after an empty page."
                    + " An article appears once, at its latest change; an entry may repeat a state the app"
                    + " already has, and a tombstone may name an article it never had: both are no-ops."
                    + " Answers If-None-Match with 304.")
    @ApiResponse(responseCode = "200", description = "One page; ETag and a short Cache-Control: public max-age")
    @ApiResponse(responseCode = "304", description = "The page is unchanged since the ETag in If-None-Match")
    ResponseEntity<ChangePage> listChanges(
            @Parameter(description = "next of the previous page; absent: from the beginning")
                    @RequestParam(required = false)
                    @Size(max = 512)
                    String since,
            @Parameter(description = "Page size, 1 to 500", example = "100")
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(500)
                    int limit) {
        ChangeFeed.Page page = feed.page(since, limit);
        return ResponseEntity.ok()
                .eTag(page.etag())
                .cacheControl(CacheControl.maxAge(properties.maxAge()).cachePublic())
                .body(page.page());
    }
}
