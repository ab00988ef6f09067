package io.dateline.syndication;

import io.dateline.platform.Cursors;
import io.dateline.platform.ETags;
import io.dateline.platform.InvalidCursorException;
import io.dateline.topic.TopicRef;
import io.dateline.topic.TopicService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** The "Partner News" block: editors' headlines and imported ones, newest first, cursor-paged. */
@Service
class PartnerNews {

    private final PartnerNewsStore store;

    private final PartnerRepository partners;

    private final TopicService topics;

    private final Cursors cursors;

    private final Clock clock;

    PartnerNews(PartnerNewsStore store, PartnerRepository partners, TopicService topics, Cursors cursors, Clock clock) {
        this.store = store;
        this.partners = partners;
        this.topics = topics;
        this.cursors = cursors;
        this.clock = clock;
    }

    record Page(PartnerNewsPage page, String etag) {}

    /** @throws io.dateline.topic.UnknownTopicException (422) for an unknown topic slug */
    @Transactional(readOnly = true)
    Page page(String topicSlug, String cursor, int limit) {
        Long topicId = StringUtils.hasText(topicSlug)
                ? topics.requireAll(List.of(topicSlug)).get(0).id()
                : null;
        String query = "partner-news;topic=" + (topicId == null ? "*" : topicId);
        Instant afterAt = null;
        Long afterId = null;
        if (cursor != null) {
            List<String> position = cursors.decode(cursor, query);
            try {
                if (position.size() != 2) {
                    throw new IllegalArgumentException();
                }
                afterAt = Instant.parse(position.get(0));
                afterId = Long.parseLong(position.get(1));
            } catch (DateTimeParseException | IllegalArgumentException ex) {
                throw new InvalidCursorException("The cursor is not one this service issued.");
            }
        }
        List<PartnerNewsStore.Row> rows = store.page(topicId, afterAt, afterId, clock.instant(), limit + 1);
        List<PartnerNewsStore.Row> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = null;
        if (rows.size() > limit) {
            PartnerNewsStore.Row last = shown.get(shown.size() - 1);
            next = cursors.encode(query, List.of(last.publishedAt().toString(), Long.toString(last.id())));
        }
        Map<Long, TopicRef> refs = topics.findAllById(shown.stream()
                .map(PartnerNewsStore.Row::topicId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        PartnerNewsPage page = new PartnerNewsPage(
                shown.stream().map(row -> response(row, refs)).toList(), next);
        return new Page(page, etag(page));
    }

    record Added(PartnerNewsResponse headline, boolean created) {}

    /**
     * Adds an editor's headline. The url identifies a headline: sending one that is already known
     * returns it unchanged, so a retried POST does not duplicate it.
     */
    @Transactional
    Added add(PartnerNewsRequest request) {
        Partner partner = partners.findById(request.partnerId())
                .orElseThrow(() -> new UnknownPartnerException(request.partnerId()));
        // boxed on both branches: a ternary of long and Long unboxes, and a partner without a topic has none
        Long topicId = StringUtils.hasText(request.topic())
                ? Long.valueOf(
                        topics.requireAll(List.of(request.topic())).get(0).id())
                : partner.topicId();
        Instant now = clock.instant();
        String url = HttpUrls.resolve(null, request.url()).orElseThrow().toString();
        PartnerNewsStore.Headline headline = new PartnerNewsStore.Headline(
                partner.id(),
                request.title().strip(),
                url,
                request.publishedAt() == null ? now : request.publishedAt().toInstant(),
                topicId);
        Optional<Long> id = store.insertIfNew(headline, "EDITOR", now);
        PartnerNewsStore.Row row = id.flatMap(store::find)
                .or(() -> store.findByUrl(url))
                .orElseThrow(() -> new IllegalStateException("headline vanished after insert"));
        return new Added(response(row), id.isPresent());
    }

    @Transactional
    void delete(long id) {
        if (!store.delete(id)) {
            throw new PartnerNewsNotFoundException(id);
        }
    }

    private PartnerNewsResponse response(PartnerNewsStore.Row row) {
        return response(row, row.topicId() == null ? Map.of() : topics.findAllById(List.of(row.topicId())));
    }

    private static PartnerNewsResponse response(PartnerNewsStore.Row row, Map<Long, TopicRef> topics) {
        TopicRef topic = row.topicId() == null ? null : topics.get(row.topicId());
        return new PartnerNewsResponse(
                row.id(),
                row.title(),
                row.url(),
                row.publishedAt().atOffset(ZoneOffset.UTC),
                new PartnerNewsResponse.PartnerRef(row.partnerId(), row.partnerName(), row.partnerHomepage()),
                topic == null ? null : new PartnerNewsResponse.TopicRef(topic.slug(), topic.name()));
    }

    /** The page's content itself: partner renames and topic renames change it too. */
    private static String etag(PartnerNewsPage page) {
        return ETags.weakDigest(page.toString());
    }
}
