/**
 * Articles: the editorial workflow (drafts, scheduled and immediate publishing, revisions with
 * restore, archiving) and the public read model. Other features read articles through
 * {@link io.dateline.article.ArticleService} and its {@link io.dateline.article.ArticleSummary}
 * records; the rule "visible to the public" is {@code status = 'PUBLISHED' and published_at <= now}
 * everywhere, backed by the partial index {@code article_published_idx}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Articles",
        allowedDependencies = {"topic", "platform"})
package io.dateline.article;
