/**
 * Articles as the public reads them: published articles whose publish time has come, by id or slug
 * ({@code /api/v1/articles/{idOrSlug}}). Other features read articles through
 * {@link io.dateline.article.ArticleService} and its {@link io.dateline.article.ArticleSummary}
 * records, or in SQL through the functions of migration V97 ({@code visible_article(now)},
 * {@code visible_article_topic(now)}, {@code article_topic_link}): the rule "visible to the public",
 * {@code status = 'PUBLISHED' and published_at <= now}, is written only here, backed by the partial
 * index {@code article_published_idx}. The change log of V110 is article's too: a trigger records
 * every public change in the writer's transaction and {@link io.dateline.article.ArticleChanges}
 * places it in the change feed when it is committed and its time has come. Writing articles is the
 * newsroom's.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Articles",
        allowedDependencies = {"topic", "media", "platform"})
package io.dateline.article;
