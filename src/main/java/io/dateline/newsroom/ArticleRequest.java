package io.dateline.newsroom;

import io.dateline.newsroom.ArticleConstraints.HttpUrl;
import io.dateline.newsroom.ArticleConstraints.LanguageCode;
import io.dateline.newsroom.ArticleConstraints.MaxBytes;
import io.dateline.newsroom.ArticleConstraints.TimeZoneName;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an editor writes: the body of POST and PUT, and the document a JSON merge patch applies to.
 * One record for the three because they are the same editable state; plain-text fields are stored
 * exactly as given, page HTML is sanitized.
 *
 * @param pages HTML of each page, in order; or give {@code body} for a one-page article
 * @param topics topic slugs, at least one
 * @param primaryTopic one of {@code topics}; the first topic when absent
 * @param timeZone IANA zone of the dateline; the newsroom's zone when absent
 * @param leadImageId the image shown with the article in lists and at its top
 * @param imageIds the images its body embeds, in order
 */
record ArticleRequest(
        @Schema(example = "Lavrov meets UN envoy on Syria talks") @NotBlank @Size(max = 300)
        String headline,

        @Size(max = 1000) String lead,
        @Size(max = MAX_PAGES) List<@NotNull @MaxBytes(MAX_PAGE_BYTES) String> pages,
        @MaxBytes(MAX_PAGE_BYTES) String body,
        @Schema(example = "MOSCOW") @Size(max = 100) String dateline,
        @Schema(example = "Dateline") @Size(max = 100) String source,
        @Size(max = 200) String byline,
        @Schema(example = "en") @NotNull @LanguageCode String language,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 80) String> topics,
        @Size(max = 80) String primaryTopic,
        @Schema(example = "Europe/Moscow") @TimeZoneName String timeZone,
        @Size(max = 20) List<@NotNull @Valid ExternalLinkRequest> externalLinks,
        @Size(max = 20) List<@NotNull Long> relatedArticleIds,
        @Schema(example = "17") Long leadImageId,
        @Size(max = 50) List<@NotNull Long> imageIds) {

    static final int MAX_PAGES = 20;

    static final int MAX_PAGE_BYTES = 200 * 1024;

    /** The pages to store: {@code body} as the only page, or {@code pages}. */
    List<String> effectivePages() {
        return body != null ? List.of(body) : pages == null ? List.of() : pages;
    }

    ArticleRequest withoutPages() {
        return new ArticleRequest(
                headline,
                lead,
                null,
                body,
                dateline,
                source,
                byline,
                language,
                topics,
                primaryTopic,
                timeZone,
                externalLinks,
                relatedArticleIds,
                leadImageId,
                imageIds);
    }

    ArticleRequest withPrimaryTopic(String primary) {
        return new ArticleRequest(
                headline,
                lead,
                pages,
                body,
                dateline,
                source,
                byline,
                language,
                topics,
                primary,
                timeZone,
                externalLinks,
                relatedArticleIds,
                leadImageId,
                imageIds);
    }

    ArticleRequest withRelatedArticleIds(List<Long> ids) {
        return new ArticleRequest(
                headline,
                lead,
                pages,
                body,
                dateline,
                source,
                byline,
                language,
                topics,
                primaryTopic,
                timeZone,
                externalLinks,
                ids,
                leadImageId,
                imageIds);
    }

    record ExternalLinkRequest(
            @Schema(example = "Kremlin comments on the talks") @NotBlank @Size(max = 300)
            String title,

            @Schema(example = "https://example.org/news/1") @NotBlank @Size(max = 2000) @HttpUrl
            String url,

            @Schema(example = "Example News") @Size(max = 100)
            String sourceName) {}
}
