package io.dateline.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.dateline.article.ArticleStatus;
import io.dateline.newsroom.ArticleChanged.Type;
import org.junit.jupiter.api.Test;

class PublicChangesTests {

    @Test
    void anArticleThatBecomesVisibleIsPublished() {
        assertThat(PublicChanges.typeOf(false, true, ArticleStatus.PUBLISHED)).contains(Type.PUBLISHED);
    }

    @Test
    void aChangeToAVisibleArticleIsAnUpdate() {
        assertThat(PublicChanges.typeOf(true, true, ArticleStatus.PUBLISHED)).contains(Type.UPDATED);
    }

    @Test
    void anArticleThatLeavesThePublicIsUnpublishedOrArchived() {
        assertThat(PublicChanges.typeOf(true, false, ArticleStatus.DRAFT)).contains(Type.UNPUBLISHED);
        // moved to a publish time still to come
        assertThat(PublicChanges.typeOf(true, false, ArticleStatus.PUBLISHED)).contains(Type.UNPUBLISHED);
        assertThat(PublicChanges.typeOf(true, false, ArticleStatus.ARCHIVED)).contains(Type.ARCHIVED);
    }

    @Test
    void changesThePublicNeverSawRaiseNothing() {
        assertThat(PublicChanges.typeOf(false, false, ArticleStatus.DRAFT)).isEmpty();
        assertThat(PublicChanges.typeOf(false, false, ArticleStatus.PUBLISHED)).isEmpty();
        assertThat(PublicChanges.typeOf(false, false, ArticleStatus.ARCHIVED)).isEmpty();
    }
}
