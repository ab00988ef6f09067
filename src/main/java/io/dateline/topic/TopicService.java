package io.dateline.topic;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.dateline.platform.HttpProperties;
import io.dateline.platform.PublicPagesChanged;
import io.dateline.platform.Slugs;
import io.dateline.platform.UniqueViolations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The topic catalogue: lookups for other features, and the editorial operations on topics.
 *
 * <p>Lookups by slug and id are answered from an in-memory copy of the catalogue (a few dozen rows
 * read by every feed page). A topic change on this instance replaces the copy after its commit; a
 * change on another instance reaches it within {@code dateline.http.article-max-age}, when the copy
 * is re-read in the background, and a slug or id the copy does not know is looked up in the
 * database before it is called unknown, so a topic created elsewhere is usable at once.
 */
@Service
public class TopicService {

    private static final int SLUG_ATTEMPTS = 5;

    private static final String ALL = "all";

    private final TopicRepository topics;

    private final TopicAssignments assignments;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final LoadingCache<String, Catalogue> catalogue;

    TopicService(
            TopicRepository topics,
            TopicAssignments assignments,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            HttpProperties http,
            Clock clock) {
        this.topics = topics;
        this.assignments = assignments;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.catalogue = Caffeine.newBuilder()
                .refreshAfterWrite(http.articleMaxAge())
                .build(key -> Catalogue.of(topics.findAll()));
    }

    /** Every topic by slug and by id, as read at one moment. */
    private record Catalogue(Map<String, TopicRef> bySlug, Map<Long, TopicRef> byId) {

        static Catalogue of(List<Topic> all) {
            List<TopicRef> refs = all.stream().map(Topic::ref).toList();
            return new Catalogue(
                    refs.stream().collect(Collectors.toUnmodifiableMap(TopicRef::slug, Function.identity())),
                    refs.stream().collect(Collectors.toUnmodifiableMap(TopicRef::id, Function.identity())));
        }
    }

    /** Runs before the page cache drops its pages, so that no page is rendered from the old copy. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forgetCatalogue(PublicPagesChanged change) {
        if (change.scope() == PublicPagesChanged.Scope.CONTENT) {
            catalogue.invalidateAll();
        }
    }

    /**
     * The topics with these slugs, in the order asked, without duplicates.
     *
     * @throws UnknownTopicException naming every slug that does not exist
     */
    public List<TopicRef> requireAll(Collection<String> slugs) {
        Set<String> wanted = new LinkedHashSet<>(slugs);
        Map<String, TopicRef> known = catalogue.get(ALL).bySlug();
        List<String> missing =
                wanted.stream().filter(slug -> !known.containsKey(slug)).toList();
        Map<String, TopicRef> found = known;
        if (!missing.isEmpty()) {
            Map<String, TopicRef> elsewhere =
                    topics.findBySlugIn(missing).stream().collect(Collectors.toMap(Topic::slug, Topic::ref));
            List<String> unknown = missing.stream()
                    .filter(slug -> !elsewhere.containsKey(slug))
                    .toList();
            if (!unknown.isEmpty()) {
                throw new UnknownTopicException(unknown);
            }
            catalogue.invalidateAll();
            found = new HashMap<>(known);
            found.putAll(elsewhere);
        }
        return wanted.stream().map(found::get).toList();
    }

    public Optional<TopicRef> find(String slug) {
        TopicRef known = catalogue.get(ALL).bySlug().get(slug);
        return known != null ? Optional.of(known) : topics.findBySlug(slug).map(Topic::ref);
    }

    public Map<Long, TopicRef> findAllById(Collection<Long> ids) {
        Map<Long, TopicRef> known = catalogue.get(ALL).byId();
        Map<Long, TopicRef> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            TopicRef ref = known.get(id);
            if (ref != null) {
                found.put(id, ref);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            topics.findAllById(missing).forEach(topic -> found.put(topic.id(), topic.ref()));
        }
        return found;
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
                    events.publishEvent(PublicPagesChanged.content());
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
        events.publishEvent(PublicPagesChanged.content());
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
        events.publishEvent(PublicPagesChanged.content());
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
