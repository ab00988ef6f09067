/**
 * Articles: the editorial workflow (drafts, scheduled and immediate publishing, revisions with
 * restore, archiving) and the public read model. Other features read articles through
 * {@link io.dateline.article.ArticleService} and its {@link io.dateline.article.ArticleSummary}
 * records, or in SQL through the functions of migration V97 ({@code visible_article(now)},
 * {@code visible_article_topic(now)}, {@code article_topic_link}): the rule "visible to the public",
 * {@code status = 'PUBLISHED' and published_at <= now}, is written only here, backed by the partial
 * index {@code article_published_idx}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Articles",
        allowedDependencies = {"topic", "platform"})
package io.dateline.article;
