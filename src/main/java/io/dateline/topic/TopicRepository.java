package io.dateline.topic;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TopicRepository extends JpaRepository<Topic, Long> {

    Optional<Topic> findBySlug(String slug);

    List<Topic> findBySlugIn(Collection<String> slugs);

    boolean existsBySlug(String slug);

    @Query("select t from Topic t left join fetch t.parent order by t.position, t.name, t.id")
    List<Topic> findAllInOrder();

    @Query("select t from Topic t where t.parent = ?1")
    List<Topic> findChildren(Topic parent);
}
