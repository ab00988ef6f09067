package io.dateline.newsroom;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, Long> {

    Optional<Article> findBySlug(String slug);

    /** Which of the candidate slugs other articles already use. */
    @Query(value = "select slug from article where slug in (:candidates) and id <> :own", nativeQuery = true)
    List<String> takenSlugs(Collection<String> candidates, long own);

    @Query("select a.id from Article a where a.id in :ids")
    List<Long> existingIds(Collection<Long> ids);
}
