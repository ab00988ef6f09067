package io.dateline.newsroom;

import io.dateline.article.ArticleNotFoundException;
import io.dateline.media.Images;
import io.dateline.newsroom.IdempotencyKeys.StoredResponse;
import io.dateline.platform.ETags;
import io.dateline.platform.InvalidFieldsException;
import io.dateline.platform.MergePatches;
import io.dateline.platform.PublicPagesChanged;
import io.dateline.platform.Slugs;
import io.dateline.platform.UniqueViolations;
import io.dateline.topic.TopicRef;
import io.dateline.topic.TopicService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editorial workflow. Every change runs in its own transaction that also writes the revision,
 * checks the editor's If-Match against the version it loaded, and relies on the version column for
 * the race between that check and the commit: the loser of two concurrent writes gets a 412, never
 * a silent overwrite. Writes that choose a slug retry on a unique-index collision with a
 * concurrent writer instead of failing.
 */
@Service
class EditorialService {

    /** Members of the editor's view that a merge patch may not touch. */
    static final Set<String> READ_ONLY = Set.of(
            "id",
            "slug",
            "status",
            "version",
            "createdAt",
            "updatedAt",
            "publishedAt",
            "revisions",
            "pageCount",
            "featured",
            "featuredUntil",
            "breaking",
            "urgency",
            "breakingUntil");

    private static final int SLUG_ATTEMPTS = 8;

    private static final int SLUG_PROBE = 20;

    private static final String SLUG_INDEX = "article_slug_uidx";

    private final SecureRandom random = new SecureRandom();

    private final ArticleRepository articles;

    private final ArticleRevisions revisions;

    private final IdempotencyKeys idempotencyKeys;

    private final TopicService topics;

    private final HtmlSanitizer sanitizer;

    private final MergePatches mergePatches;

    private final NewsroomProperties newsroom;

    private final TransactionTemplate transactions;

    private final JsonMapper jsonMapper;

    private final ApplicationEventPublisher events;

    private final PublicChanges publicChanges;

    private final Clock clock;

    private final Images images;

    EditorialService(
            ArticleRepository articles,
            ArticleRevisions revisions,
            IdempotencyKeys idempotencyKeys,
            TopicService topics,
            HtmlSanitizer sanitizer,
            MergePatches mergePatches,
            NewsroomProperties newsroom,
            TransactionTemplate transactions,
            JsonMapper jsonMapper,
            ApplicationEventPublisher events,
            PublicChanges publicChanges,
            Clock clock,
            Images images) {
        this.articles = articles;
        this.revisions = revisions;
        this.idempotencyKeys = idempotencyKeys;
        this.topics = topics;
        this.sanitizer = sanitizer;
        this.mergePatches = mergePatches;
        this.newsroom = newsroom;
        this.transactions = transactions;
        this.jsonMapper = jsonMapper;
        this.events = events;
        this.publicChanges = publicChanges;
        this.clock = clock;
        this.images = images;
    }

    /** An article after a change (or a replayed creation), with its ETag. */
    record Saved(EditorArticleResponse article, String etag, boolean replayed) {

        URI location() {
            return URI.create("/api/v1/newsroom/articles/" + article.id());
        }
    }

    Saved create(ArticleRequest request, String editor, String idempotencyKey) {
        String requestHash = idempotencyKey == null ? null : sha256(jsonMapper.writeValueAsString(request));
        return withSlugRetry(-1, attempt -> {
            Instant now = now();
            if (idempotencyKey != null) {
                var previous = idempotencyKeys.claim(editor, idempotencyKey, requestHash, now);
                if (previous.isPresent()) {
                    return replay(previous.get(), idempotencyKey, requestHash);
                }
            }
            Resolved resolved = resolve(request, null);
            String slug = freeSlug(Slugs.of(request.headline(), "article"), null, attempt);
            Article article = articles.saveAndFlush(Article.draft(resolved.content(), slug, now));
            Saved saved = recordRevision(article, "CREATED", editor, resolved.names(), now, false);
            if (idempotencyKey != null) {
                idempotencyKeys.complete(
                        editor,
                        idempotencyKey,
                        201,
                        saved.location().toString(),
                        saved.etag(),
                        jsonMapper.writeValueAsString(saved.article()));
            }
            return saved;
        });
    }

    Saved replace(long id, ArticleRequest request, String ifMatch, String editor) {
        requireIfMatch(ifMatch);
        return withSlugRetry(id, attempt -> {
            Article article = load(id, ifMatch);
            return revise(article, request, "UPDATED", editor, attempt);
        });
    }

    Saved patch(long id, JsonNode patch, String ifMatch, String editor) {
        requireIfMatch(ifMatch);
        return withSlugRetry(id, attempt -> {
            Article article = load(id, ifMatch);
            ArticleRequest current = requestOf(article);
            if (patch != null && patch.isObject() && patch.has("body")) {
                // "body" is the one-page form of "pages": setting it replaces the pages
                current = current.withoutPages();
            }
            ArticleRequest merged = mergePatches.apply(current, patch, ArticleRequest.class, READ_ONLY);
            if (!patch.has("primaryTopic") && !merged.topics().contains(merged.primaryTopic())) {
                // the old primary topic was patched away: the first of the new topics takes its place
                merged = merged.withPrimaryTopic(null);
            }
            return revise(article, merged, "UPDATED", editor, attempt);
        });
    }

    Saved publish(long id, Instant publishAt, String ifMatch, String editor) {
        return inTransaction(id, () -> {
            Article article = load(id, ifMatch);
            // held until the commit, so that none of its pictures is deleted while it goes live
            images.requireAll(article.allImageIds());
            boolean wasPublic = article.isPublicAt(now());
            return article.publish(publishAt, clock) ? save(article, "PUBLISHED", editor, wasPublic) : view(article);
        });
    }

    Saved unpublish(long id, String ifMatch, String editor) {
        return inTransaction(id, () -> {
            Article article = load(id, ifMatch);
            boolean wasPublic = article.isPublicAt(now());
            return article.unpublish(clock) ? save(article, "UNPUBLISHED", editor, wasPublic) : view(article);
        });
    }

    Saved archive(long id, String ifMatch, String editor) {
        return inTransaction(id, () -> {
            Article article = load(id, ifMatch);
            boolean wasPublic = article.isPublicAt(now());
            return article.archive(clock) ? save(article, "ARCHIVED", editor, wasPublic) : view(article);
        });
    }

    /**
     * Pins the article (featured), until {@code until} or until unpinned. An expiry already past is
     * refused: the flag would never show.
     */
    Saved feature(long id, Instant until, String ifMatch, String editor) {
        requireFuture(until);
        return inTransaction(id, () -> {
            Article article = load(id, ifMatch);
            boolean wasPublic = article.isPublicAt(now());
            return article.feature(until, clock) ? save(article, "FEATURED", editor, wasPublic) : view(article);
        });
    }

    Saved unfeature(long id, String ifMatch, String editor) {
        return inTransaction(id, () -> {
            Article article = load(id, ifMatch);
            boolean wasPublic = article.isPublicAt(now());
            return article.unfeature(clock) ? save(article, "UNFEATURED", editor, wasPublic) : view(article);
        });
    }

    /** Breaking news until {@code until}, or for dateline.newsroom.breaking-for from now. */
    Saved markBreaking(long id, int urgency, Instant until, String ifMatch, String editor) {
        requireFuture(until);
        return inTransaction(id, () -> {
            Article article = load(id, ifMatch);
            Instant end = until != null ? until : now().plus(newsroom.breakingFor());
            boolean wasPublic = article.isPublicAt(now());
            return article.markBreaking(urgency, end, clock)
                    ? save(article, "BREAKING", editor, wasPublic)
                    : view(article);
        });
    }

    Saved endBreaking(long id, String ifMatch, String editor) {
        return inTransaction(id, () -> {
            Article article = load(id, ifMatch);
            boolean wasPublic = article.isPublicAt(now());
            return article.endBreaking(clock) ? save(article, "BREAKING_ENDED", editor, wasPublic) : view(article);
        });
    }

    private void requireFuture(Instant until) {
        if (until != null && !until.isAfter(now())) {
            throw InvalidFieldsException.of("until", "must be in the future");
        }
    }

    /** Gone for good, with pages, links, revisions and the links of other articles to it. */
    void purge(long id) {
        transactions.executeWithoutResult(status -> {
            Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(String.valueOf(id)));
            publicChanges.purged(article, now());
            articles.delete(article);
            articles.flush();
            events.publishEvent(PublicPagesChanged.content());
        });
    }

    Saved restore(long id, long version, String ifMatch, String editor) {
        return withSlugRetry(id, attempt -> {
            Article article = load(id, ifMatch);
            ArticleSnapshot snapshot = snapshotOf(id, version);
            ArticleRequest saved = snapshot.toRequest();
            List<Long> wanted = saved.relatedArticleIds();
            // related articles purged since then are dropped rather than failing the restore
            Set<Long> existing = new HashSet<>(wanted.isEmpty() ? List.of() : articles.existingIds(wanted));
            ArticleRequest request = saved.withRelatedArticleIds(
                    wanted.stream().filter(existing::contains).toList());
            mergePatches.validate(request);
            return revise(article, request, "RESTORED", editor, attempt);
        });
    }

    Saved editorView(long id) {
        return inTransaction(
                id,
                () -> view(articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(String.valueOf(id)))));
    }

    List<RevisionSummary> revisions(long id) {
        requireExists(id);
        return revisions.list(id);
    }

    RevisionResponse revision(long id, long version) {
        requireExists(id);
        var stored = revisions.find(id, version).orElseThrow(() -> new RevisionNotFoundException(id, version));
        ArticleSnapshot snapshot = stored(stored.snapshotJson(), ArticleSnapshot.class);
        RevisionSummary summary = stored.summary();
        return new RevisionResponse(
                summary.version(), summary.action(), summary.editor(), summary.createdAt(), snapshot);
    }

    static String etag(Article article) {
        return ETags.strong(article.id() + "-" + article.version());
    }

    private Saved revise(Article article, ArticleRequest request, String action, String editor, int attempt) {
        Instant now = now();
        // every query first: Hibernate flushes a dirty article before a native query, and the
        // version check belongs to the one flush below
        Resolved resolved = resolve(request, article.id());
        boolean wasPublic = article.isPublicAt(now);
        String slug = article.slugIsPermanent()
                ? article.slug()
                : freeSlug(Slugs.of(request.headline(), "article"), article.id(), attempt);
        article.revise(resolved.content(), now);
        if (!slug.equals(article.slug())) {
            article.renameSlug(slug);
        }
        return save(article, action, editor, resolved.names(), now, wasPublic);
    }

    private Saved save(Article article, String action, String editor, boolean wasPublic) {
        return save(article, action, editor, namesOf(article), now(), wasPublic);
    }

    private Saved save(
            Article article, String action, String editor, TopicNames names, Instant now, boolean wasPublic) {
        articles.saveAndFlush(article);
        return recordRevision(article, action, editor, names, now, wasPublic);
    }

    private Saved recordRevision(
            Article article, String action, String editor, TopicNames names, Instant now, boolean wasPublic) {
        String snapshot = jsonMapper.writeValueAsString(ArticleSnapshot.of(article, names));
        revisions.record(article.id(), article.version(), action, editor, now, snapshot);
        publicChanges.recorded(article, wasPublic, now);
        events.publishEvent(PublicPagesChanged.content());
        return new Saved(EditorArticleResponse.from(article, names, now), etag(article), false);
    }

    private Saved view(Article article) {
        return new Saved(EditorArticleResponse.from(article, namesOf(article), now()), etag(article), false);
    }

    private Saved replay(StoredResponse previous, String key, String requestHash) {
        if (!previous.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException(key);
        }
        EditorArticleResponse body = stored(previous.body(), EditorArticleResponse.class);
        return new Saved(body, previous.etag(), true);
    }

    private Article load(long id, String ifMatch) {
        Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(String.valueOf(id)));
        if (ifMatch != null && !ETags.ifMatch(ifMatch, etag(article))) {
            throw new StaleArticleException(id, ifMatch);
        }
        return article;
    }

    private void requireExists(long id) {
        if (!articles.existsById(id)) {
            throw new ArticleNotFoundException(String.valueOf(id));
        }
    }

    private static void requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
    }

    private ArticleSnapshot snapshotOf(long id, long version) {
        var stored = revisions.find(id, version).orElseThrow(() -> new RevisionNotFoundException(id, version));
        return stored(stored.snapshotJson(), ArticleSnapshot.class);
    }

    private ArticleRequest requestOf(Article article) {
        TopicNames names = namesOf(article);
        return new ArticleRequest(
                article.headline(),
                article.lead(),
                article.pages(),
                null,
                article.dateline(),
                article.source(),
                article.byline(),
                article.language(),
                names.slugs(article),
                names.primarySlug(article),
                article.timeZone(),
                article.externalLinks().stream()
                        .map(link ->
                                new ArticleRequest.ExternalLinkRequest(link.title(), link.url(), link.sourceName()))
                        .toList(),
                article.relatedIds(),
                article.leadImageId(),
                article.imageIds());
    }

    private TopicNames namesOf(Article article) {
        return new TopicNames(topics.findAllById(
                article.topics().stream().map(ArticleTopic::topicId).collect(Collectors.toSet())));
    }

    private record Resolved(ArticleContent content, TopicNames names) {}

    /**
     * Checks the rules that span fields, sanitizes the pages and resolves topic slugs and related
     * ids: 400 for malformed input first, then 422 for references to things that do not exist.
     */
    private Resolved resolve(ArticleRequest request, Long ownId) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (request.body() != null && request.pages() != null) {
            errors.add(Map.of("field", "body", "message", "give either body or pages, not both"));
        } else if (request.effectivePages().isEmpty()) {
            errors.add(Map.of("field", "pages", "message", "must contain at least one page (or give body)"));
        }
        if (request.primaryTopic() != null && !request.topics().contains(request.primaryTopic())) {
            errors.add(Map.of("field", "primaryTopic", "message", "must be one of topics"));
        }
        List<Long> relatedIds = request.relatedArticleIds() == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.relatedArticleIds()));
        if (ownId != null && relatedIds.contains(ownId)) {
            errors.add(Map.of("field", "relatedArticleIds", "message", "must not contain the article itself"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        List<TopicRef> refs = topics.requireAll(request.topics());
        Set<Long> existing = new HashSet<>(relatedIds.isEmpty() ? List.of() : articles.existingIds(relatedIds));
        List<Long> unknown =
                relatedIds.stream().filter(id -> !existing.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownArticleException(unknown);
        }
        List<Long> imageIds =
                request.imageIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.imageIds()));
        Set<Long> shown = new LinkedHashSet<>(imageIds);
        if (request.leadImageId() != null) {
            shown.add(request.leadImageId());
        }
        images.requireAll(shown);
        String primary = request.primaryTopic() != null
                ? request.primaryTopic()
                : refs.get(0).slug();
        List<String> pages =
                request.effectivePages().stream().map(sanitizer::clean).toList();
        String bodyText = pages.stream()
                .map(sanitizer::text)
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining("\n\n"));
        ArticleContent content = new ArticleContent(
                request.headline(),
                request.lead(),
                pages,
                bodyText,
                request.dateline(),
                request.source(),
                request.byline(),
                request.language(),
                request.timeZone() != null
                        ? request.timeZone()
                        : newsroom.timeZone().getId(),
                refs.stream()
                        .map(ref -> new ArticleTopic(ref.id(), ref.slug().equals(primary)))
                        .toList(),
                request.externalLinks() == null
                        ? List.of()
                        : request.externalLinks().stream()
                                .map(link -> new ExternalLink(link.title(), link.url(), link.sourceName()))
                                .toList(),
                relatedIds,
                request.leadImageId(),
                imageIds);
        return new Resolved(content, new TopicNames(refs.stream().collect(Collectors.toMap(TopicRef::id, ref -> ref))));
    }

    /**
     * The first free slug among base, base-2, base-3, ... (probed in batches with one query each).
     * After repeated collisions with concurrent writers a random suffix ends the race.
     */
    private String freeSlug(String base, Long ownId, int attempt) {
        long own = ownId == null ? -1 : ownId;
        if (attempt > SLUG_ATTEMPTS / 2) {
            return Slugs.withSuffix(base, 1000 + random.nextInt(9_000_000));
        }
        for (int start = 1; ; start += SLUG_PROBE) {
            int from = start;
            IntFunction<String> candidate = n -> n == 1 ? base : Slugs.withSuffix(base, n);
            List<String> candidates =
                    IntStream.range(from, from + SLUG_PROBE).mapToObj(candidate).toList();
            Set<String> taken = new HashSet<>(articles.takenSlugs(candidates, own));
            for (String slug : candidates) {
                if (!taken.contains(slug)) {
                    return slug;
                }
            }
        }
    }

    private interface Attempt {
        Saved run(int attempt);
    }

    private Saved withSlugRetry(long id, Attempt work) {
        for (int attempt = 1; ; attempt++) {
            int current = attempt;
            try {
                return inTransaction(id, () -> work.run(current));
            } catch (DataIntegrityViolationException ex) {
                if (!UniqueViolations.isOn(ex, SLUG_INDEX) || attempt >= SLUG_ATTEMPTS) {
                    throw new ConcurrentChangeException();
                }
            }
        }
    }

    /**
     * The version check can fail at any flush, including the commit: wherever it does, the editor
     * gets a 412.
     */
    private Saved inTransaction(long id, Supplier<Saved> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (OptimisticLockingFailureException concurrentWrite) {
            throw new StaleArticleException(id, null);
        }
    }

    /**
     * Reads JSON this service stored earlier. Leniently: a snapshot written years ago may carry a
     * member that the current code no longer has, and must still be shown and restorable; and one
     * written before a member was added (the flags) lacks it, which then takes its default.
     */
    private <T> T stored(String json, Class<T> type) {
        return jsonMapper
                .readerFor(type)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .readValue(json);
    }

    /** Microseconds, as PostgreSQL stores them, so that a response equals what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
        }
    }
}
