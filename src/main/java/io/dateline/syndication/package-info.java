/**
 * Syndication: the news as other systems consume it. RSS 2.0 and Atom 1.0 feeds of all news and of
 * each topic, single articles as IPTC ninjs for news partners, and "Partner News" (the "In other
 * media" block): partners' headlines, entered by editors or imported from the partners' own feeds;
 * the change feed apps sync with ({@code /api/v1/changes}: signed cursors over
 * {@link io.dateline.article.ArticleChanges}); and webhooks: admins' subscriptions to the newsroom's
 * {@link io.dateline.newsroom.ArticleChanged} events, delivered as signed POSTs with retries and a
 * delivery log. Articles come from {@link io.dateline.article.ArticleService} in full; this package
 * owns the partner and webhook tables.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Syndication",
        allowedDependencies = {"article", "topic", "media", "platform", "job", "newsroom"})
package io.dateline.syndication;
