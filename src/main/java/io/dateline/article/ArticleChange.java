package io.dateline.article;

/**
 * One entry of the change feed: an article an app must look at again, at a position of the feed.
 *
 * @param position where the entry stands in the feed; later entries have greater positions
 * @param type {@code published} or {@code updated} (the article is visible: {@code article} holds it
 *     as it is now), {@code unpublished}, {@code archived} or {@code deleted} (a tombstone: the app
 *     drops its copy; {@code article} is null)
 * @param articleId the article's id
 * @param version the article's version as read, 0 for a deleted article
 */
public record ArticleChange(long position, String type, long articleId, ArticleSummary article, long version) {

    public boolean tombstone() {
        return article == null;
    }
}
