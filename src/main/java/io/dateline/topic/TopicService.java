package io.dateline.topic;

import io.dateline.platform.Slugs;
import io.dateline.platform.UniqueViolations;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The topic catalogue: lookups for other features, and the editorial operations on topics. */
@Service
public class TopicService {

    private static final int SLUG_ATTEMPTS = 5;

    private final TopicRepository topics;

    private final TopicAssignments assignments;

    private final TransactionTemplate transactions;

    private final Clock clock;

    TopicService(TopicRepository topics, TopicAssignments assignments, TransactionTemplate transactions, Clock clock) {
        this.topics = topics;
        this.assignments = assignments;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The topics with these slugs, in the order asked, without duplicates.
     *
     * @throws UnknownTopicException naming every slug that does not exist
     */
    @Transactional(readOnly = true)
    public List<TopicRef> requireAll(Collection<String> slugs) {
        Set<String> wanted = new LinkedHashSet<>(slugs);
        Map<String, TopicRef> found =
                topics.findBySlugIn(wanted).stream().collect(Collectors.toMap(Topic::slug, Topic::ref));
        List<String> unknown =
                wanted.stream().filter(slug -> !found.containsKey(slug)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownTopicException(unknown);
        }
        return wanted.stream().map(found::get).toList();
    }

    @Transactional(readOnly = true)
    public Optional<TopicRef> find(String slug) {
        return topics.findBySlug(slug).map(Topic::ref);
    }

    @Transactional(readOnly = true)
    public Map<Long, TopicRef> findAllById(Collection<Long> ids) {
        return topics.findAllById(ids).stream().collect(Collectors.toMap(Topic::id, Topic::ref));
    }

    @Transactional(readOnly = true)
    List<TopicResponse> list() {
        Map<Long, Long> counts = assignments.countPublished(clock.instant());
        return topics.findAllInOrder().stream()
                .map(topic -> TopicResponse.from(topic, counts.getOrDefault(topic.id(), 0L)))
                .toList();
    }

    @Transactional(readOnly = true)
    TopicResponse get(String slug) {
        Topic topic = topics.findBySlug(slug).orElseThrow(() -> new TopicNotFoundException(slug));
        return TopicResponse.from(topic, assignments.countPublished(topic.id(), clock.instant()));
    }

    /**
     * Creates a topic. A slug the editor chose must be free (409 otherwise); a slug generated from
     * the name gets a numeric suffix, retried when a concurrent create takes the same one.
     */
    TopicResponse create(CreateTopicRequest request) {
        boolean chosen = request.slug() != null;
        String base = chosen ? request.slug() : Slugs.of(request.name(), "topic");
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Instant now = clock.instant();
                    Topic parent = request.parent() == null ? null : requireParent(request.parent());
                    String slug = chosen ? base : freeSlug(base);
                    if (chosen && topics.existsBySlug(slug)) {
                        throw new TopicSlugTakenException(slug);
                    }
                    int position = request.position() != null ? request.position() : 0;
                    Topic topic = topics.saveAndFlush(
                            new Topic(slug, request.name(), request.description(), parent, position, now));
                    return TopicResponse.from(topic, 0);
                });
            } catch (DataIntegrityViolationException ex) {
                if (!UniqueViolations.isOn(ex, "topic_slug_uidx")) {
                    throw ex;
                }
                if (chosen || attempt >= SLUG_ATTEMPTS) {
                    throw new TopicSlugTakenException(base);
                }
            }
        }
    }

    @Transactional
    TopicResponse update(String slug, UpdateTopicRequest request) {
        Topic topic = topics.findBySlug(slug).orElseThrow(() -> new TopicNotFoundException(slug));
        Instant now = clock.instant();
        topic.describe(request.name(), request.description(), request.position() == null ? 0 : request.position(), now);
        Topic parent = request.parent() == null ? null : requireParent(request.parent());
        if (!Objects.equals(
                parent == null ? null : parent.id(),
                topic.parent() == null ? null : topic.parent().id())) {
            topic.moveUnder(parent, now);
        }
        return TopicResponse.from(topic, assignments.countPublished(topic.id(), now));
    }

    @Transactional(readOnly = true)
    UpdateTopicRequest currentState(String slug) {
        Topic topic = topics.findBySlug(slug).orElseThrow(() -> new TopicNotFoundException(slug));
        return new UpdateTopicRequest(
                topic.name(),
                topic.description(),
                topic.parent() == null ? null : topic.parent().slug(),
                topic.position());
    }

    /**
     * Deletes a topic. Its sub-topics move up to its parent. Articles still filed under it block
     * the delete unless {@code reassignTo} names the topic that takes them over.
     */
    @Transactional
    void delete(String slug, String reassignTo) {
        Topic topic = topics.findBySlug(slug).orElseThrow(() -> new TopicNotFoundException(slug));
        long articles = assignments.countAll(topic.id());
        if (articles > 0) {
            if (reassignTo == null) {
                throw new TopicInUseException(slug, articles);
            }
            Topic target =
                    topics.findBySlug(reassignTo).orElseThrow(() -> new UnknownTopicException(List.of(reassignTo)));
            if (target == topic) {
                throw new TopicCycleException(slug, reassignTo);
            }
            assignments.reassign(topic.id(), target.id());
        }
        Instant now = clock.instant();
        for (Topic child : topics.findChildren(topic)) {
            child.moveUnder(topic.parent(), now);
        }
        topics.delete(topic);
        try {
            topics.flush();
        } catch (DataIntegrityViolationException ex) {
            // an article was filed under the topic after it was counted
            throw new TopicInUseException(slug, Math.max(articles, 1));
        }
    }

    private Topic requireParent(String slug) {
        return topics.findBySlug(slug).orElseThrow(() -> new UnknownTopicException(List.of(slug)));
    }

    private String freeSlug(String base) {
        if (!topics.existsBySlug(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = Slugs.withSuffix(base, n);
            if (!topics.existsBySlug(candidate)) {
                return candidate;
            }
        }
    }
}
