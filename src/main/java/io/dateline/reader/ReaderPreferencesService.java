package io.dateline.reader;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dateline.topic.TopicRef;
import io.dateline.topic.TopicService;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each caller's own feed preferences; the owner always comes from the caller's token. What the feed
 * applies is held in memory per reader ({@code dateline.reader.preferences-cache-ttl}, 5 s by
 * default), so a personalised page served from the feed's page cache costs no database work: a
 * save on this instance evicts the reader's entry when it commits; on other instances the lifetime
 * bounds how long the old preferences apply, as the token cache bounds a revocation.
 */
@Service
public class ReaderPreferencesService {

    private final ReaderPreferencesRepository preferences;

    private final TopicService topics;

    private final Clock clock;

    private final TransactionTemplate readOnly;

    private final Cache<String, FeedPreferences> applied;

    ReaderPreferencesService(
            ReaderPreferencesRepository preferences,
            TopicService topics,
            Clock clock,
            PlatformTransactionManager transactions,
            ReaderProperties properties) {
        this.preferences = preferences;
        this.topics = topics;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.applied = Caffeine.newBuilder()
                .expireAfterWrite(properties.preferencesCacheTtl())
                .maximumSize(100_000)
                .build();
    }

    /** The preferences the feed applies; a caller who never saved any gets {@link FeedPreferences#NONE}. */
    public FeedPreferences feedPreferencesOf(String owner) {
        // Caffeine makes an eviction wait for a load in flight, so a save's eviction after its
        // commit never leaves the value read before it behind
        return applied.get(owner, this::load);
    }

    private FeedPreferences load(String owner) {
        return readOnly.execute(status -> preferences
                .findById(owner)
                .map(ReaderPreferences::toFeedPreferences)
                .orElse(FeedPreferences.NONE));
    }

    PreferencesResponse get(String owner) {
        return describe(feedPreferencesOf(owner));
    }

    /** Replaces the caller's preferences as a whole (PUT semantics: repeating it changes nothing). */
    @Transactional
    PreferencesResponse replace(String owner, UpdatePreferencesRequest request) {
        Set<Long> followed = ids(topics.requireAll(request.followedTopicsOrEmpty()));
        Set<Long> muted = ids(topics.requireAll(request.mutedTopicsOrEmpty()));
        // Two saves of one caller (a first save on two devices, a retry) would otherwise both
        // insert, or both rewrite the topic rows, and one would end in a unique violation (a 500).
        // Locking the row makes them take turns; PUT semantics make the later one the answer.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                applied.invalidate(owner);
            }
        });
        preferences.createIfAbsent(owner, clock.instant());
        ReaderPreferences stored = preferences.findForUpdate(owner).orElseThrow();
        stored.change(
                request.filterEnabled(),
                followed,
                muted,
                new LinkedHashSet<>(request.languagesOrEmpty()),
                clock.instant());
        return describe(stored.toFeedPreferences());
    }

    private PreferencesResponse describe(FeedPreferences feed) {
        Set<Long> all = new LinkedHashSet<>(feed.followedTopicIds());
        all.addAll(feed.mutedTopicIds());
        Map<Long, TopicRef> refs = all.isEmpty() ? Map.of() : topics.findAllById(all);
        return new PreferencesResponse(
                feed.filterEnabled(),
                slugs(feed.followedTopicIds(), refs),
                slugs(feed.mutedTopicIds(), refs),
                feed.languages().stream().sorted().toList());
    }

    private static List<String> slugs(Set<Long> ids, Map<Long, TopicRef> refs) {
        return ids.stream()
                .map(refs::get)
                .filter(java.util.Objects::nonNull)
                .map(TopicRef::slug)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private static Set<Long> ids(List<TopicRef> refs) {
        return refs.stream().map(TopicRef::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
