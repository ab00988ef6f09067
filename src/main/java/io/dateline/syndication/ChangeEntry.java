package io.dateline.syndication;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dateline.article.ArticleChange;
import io.dateline.article.ArticleSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One change an app applies to its copy.
 *
 * @param type {@code published} or {@code updated}: store {@code article} (it is the article as it
 *     is now, which may already include later changes); {@code unpublished}, {@code archived} or
 *     {@code deleted}: a tombstone, drop the article with this id if you hold it
 * @param article the article's summary; absent from tombstones
 */
public record ChangeEntry(
        @Schema(
                example = "updated",
                allowableValues = {"published", "updated", "unpublished", "archived", "deleted"})
        String type,

        @Schema(example = "1042") long id,

        @Schema(nullable = true) @JsonInclude(JsonInclude.Include.NON_NULL)
        ArticleSummary article) {

    static ChangeEntry from(ArticleChange change) {
        return new ChangeEntry(change.type(), change.articleId(), change.article());
    }
}
