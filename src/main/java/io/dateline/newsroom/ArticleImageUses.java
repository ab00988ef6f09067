package io.dateline.newsroom;

import io.dateline.media.ImageUses;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Media asks before deleting an image: a published or scheduled article must keep its pictures. */
@Component
class ArticleImageUses implements ImageUses {

    private final JdbcClient jdbc;

    ArticleImageUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> publishedArticlesUsing(long imageId) {
        return jdbc.sql("""
                        select id from article where lead_image_id = :image and status = 'PUBLISHED'
                        union
                        select a.id from article_image ai join article a on a.id = ai.article_id
                         where ai.image_id = :image and a.status = 'PUBLISHED'
                        order by 1
                        limit :limit
                        """)
                .param("image", imageId)
                .param("limit", ImageUses.MAX_LISTED)
                .query(Long.class)
                .list();
    }
}
