/**
 * Syndication: the news as other systems consume it. RSS 2.0 and Atom 1.0 feeds of all news and of
 * each topic, single articles as IPTC ninjs for news partners, and "Partner News" (the "In other
 * media" block): partners' headlines, entered by editors or imported from the partners' own feeds;
 * and webhooks: admins' subscriptions to the newsroom's {@link io.dateline.newsroom.ArticleChanged}
 * events, delivered as signed POSTs with retries and a delivery log.
 * Articles come from {@link io.dateline.article.ArticleService} in full; this package owns the
 * partner and webhook tables.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Syndication",
        allowedDependencies = {"article", "topic", "platform", "job", "newsroom"})
package io.dateline.syndication;
