package io.dateline.search;

import io.dateline.topic.TopicService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editors' search, in the newsroom's URL tree (EDITOR by its URL rule): the public search's
 * query and filters over articles in any workflow state. It stays in this package because the
 * search SQL is this feature's. Drafts change with every edit: never stored by any cache.
 */
@RestController
@Tag(name = "Newsroom")
@SecurityRequirement(name = "bearer")
class NewsroomSearchController {

    private final SearchService search;

    private final TopicService topics;

    NewsroomSearchController(SearchService search, TopicService topics) {
        this.search = search;
        this.topics = topics;
    }

    @GetMapping("/api/v1/newsroom/search")
    @Operation(
            operationId = "searchNewsroomArticles",
            summary = "Search articles in one workflow state",
            description = "As GET /api/v1/search; DRAFT and ARCHIVED are ordered, aged and filtered by since/until"
                    + " by their last change.")
    ResponseEntity<SearchResponse> search(
            @ParameterObject SearchController.SearchParameters parameters,
            @Parameter(description = "The workflow state to search; PUBLISHED when absent")
                    @RequestParam(defaultValue = "PUBLISHED")
                    SearchScope status) {
        SearchService.Result result =
                search.search(parameters.query(topics, status), parameters.cursor(), parameters.limitOrDefault());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(result.page());
    }
}
