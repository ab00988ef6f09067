package io.dateline.newsroom;

import java.util.List;

/**
 * Everything an editor writes, checked and cleaned: pages are sanitized HTML, {@code bodyText} is
 * their plain text, topics are resolved to ids.
 */
record ArticleContent(
        String headline,
        String lead,
        List<String> pages,
        String bodyText,
        String dateline,
        String source,
        String byline,
        String language,
        String timeZone,
        List<ArticleTopic> topics,
        List<ExternalLink> externalLinks,
        List<Long> relatedIds,
        Long leadImageId,
        List<Long> imageIds) {}
