package io.dateline.syndication;

import io.dateline.job.StopSignal;
import io.dateline.platform.InvalidFieldsException;
import io.dateline.platform.MergePatches;
import io.dateline.platform.OutboundHttp;
import io.dateline.platform.ProblemException;
import io.dateline.platform.PublicPagesChanged;
import io.dateline.platform.UniqueViolations;
import io.dateline.topic.TopicRef;
import io.dateline.topic.TopicService;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;

/**
 * Partners and the import of their feeds. An import fetches and parses outside any transaction,
 * then adds the new headlines and records the outcome in one; a feed that fails at any step adds
 * nothing, and only the partner's "last import" shows it (plus a log line and a counter).
 */
@Service
class Partners {

    private static final Logger log = LoggerFactory.getLogger(Partners.class);

    private static final Set<String> READ_ONLY = Set.of("id", "lastImport");

    private static final int MAX_TITLE = 500;

    private final PartnerRepository partners;

    private final PartnerNewsStore news;

    private final PartnerFeedClient feeds;

    private final TopicService topics;

    private final MergePatches mergePatches;

    private final TransactionTemplate transactions;

    private final MeterRegistry meters;

    private final OutboundHttp outbound;
    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final StopSignal stop;

    Partners(
            PartnerRepository partners,
            PartnerNewsStore news,
            PartnerFeedClient feeds,
            TopicService topics,
            MergePatches mergePatches,
            TransactionTemplate transactions,
            MeterRegistry meters,
            OutboundHttp outbound,
            ApplicationEventPublisher events,
            Clock clock,
            StopSignal stop) {
        this.partners = partners;
        this.news = news;
        this.feeds = feeds;
        this.topics = topics;
        this.mergePatches = mergePatches;
        this.transactions = transactions;
        this.meters = meters;
        this.outbound = outbound;
        this.events = events;
        this.clock = clock;
        this.stop = stop;
    }

    List<PartnerResponse> list() {
        return transactions.execute(status -> {
            List<Partner> all = partners.findAllByName();
            Map<Long, TopicRef> refs = topics.findAllById(
                    all.stream().map(Partner::topicId).filter(Objects::nonNull).toList());
            return all.stream()
                    .map(partner -> PartnerResponse.from(
                            partner, partner.topicId() == null ? null : slugOf(refs.get(partner.topicId()))))
                    .toList();
        });
    }

    PartnerResponse get(long id) {
        return transactions.execute(status -> response(load(id)));
    }

    PartnerResponse create(PartnerRequest request) {
        checkFeedUrl(request.feedUrl());
        Long topicId = topicId(request.topic());
        return saving(() -> transactions.execute(status -> {
            Partner partner = partners.saveAndFlush(new Partner(
                    request.name().strip(),
                    request.homepage(),
                    blankToNull(request.feedUrl()),
                    topicId,
                    clock.instant()));
            return response(partner);
        }));
    }

    PartnerResponse patch(long id, JsonNode patch) {
        return saving(() -> transactions.execute(status -> {
            Partner partner = load(id);
            PartnerRequest current = new PartnerRequest(
                    partner.name(), partner.homepage(), partner.feedUrl(), slugOf(partner.topicId()));
            PartnerRequest merged = mergePatches.apply(current, patch, PartnerRequest.class, READ_ONLY);
            if (!Objects.equals(merged.feedUrl(), partner.feedUrl())) {
                checkFeedUrl(merged.feedUrl());
            }
            partner.describe(
                    merged.name().strip(),
                    merged.homepage(),
                    blankToNull(merged.feedUrl()),
                    topicId(merged.topic()),
                    clock.instant());
            partners.flush();
            // partner headlines show the partner's name and homepage
            events.publishEvent(PublicPagesChanged.content());
            return response(partner);
        }));
    }

    /** Removes the partner and, with it, all its headlines. */
    void delete(long id) {
        transactions.executeWithoutResult(status -> {
            partners.delete(load(id));
            events.publishEvent(PublicPagesChanged.content());
        });
    }

    /**
     * Imports every partner that has a feed, one after the other; one failing does not stop the rest.
     * When the application stops, it stops between feeds: each feed is stored in its own transaction.
     */
    void importAll() {
        for (long id : partners.findIdsWithFeed()) {
            if (stop.raised()) {
                log.info("The partner import stops before partner {}: the application is stopping", id);
                return;
            }
            try {
                importFeed(id);
            } catch (RuntimeException ex) {
                log.warn("Import of partner {} failed unexpectedly", id, ex);
            }
        }
    }

    ImportResponse importFeed(long id) {
        Partner partner = transactions.execute(status -> load(id));
        if (partner.feedUrl() == null) {
            throw new ProblemException(
                            HttpStatus.CONFLICT,
                            "partner-without-feed",
                            "Partner has no feed",
                            "Set the partner's feedUrl before importing.")
                    .with("partnerId", id);
        }
        Fetched fetched = fetch(partner);
        return fetched.failure() == null ? store(partner, fetched.entries()) : failed(partner, fetched.failure());
    }

    /** Ids of the partners that have a feed, in id order: the units of an import job. */
    List<Long> idsWithFeed() {
        return partners.findIdsWithFeed();
    }

    /** The partner if it still exists and has a feed (it may have changed since a job started). */
    Optional<Partner> findWithFeed(long id) {
        return transactions.execute(status -> partners.findById(id).filter(partner -> partner.feedUrl() != null));
    }

    /** A partner's feed read, outside any transaction; a failure's reason is safe to show to editors. */
    record Fetched(Partner partner, List<PartnerFeedClient.Entry> entries, String failure) {}

    Fetched fetch(Partner partner) {
        try {
            return new Fetched(partner, feeds.entries(URI.create(partner.feedUrl())), null);
        } catch (PartnerFeedClient.FeedFailure failure) {
            // editors see only the generic reason; the detail, with the URL's query removed, is logged
            logFailure(partner, failure.getMessage());
            return new Fetched(partner, List.of(), failure.reason());
        } catch (RuntimeException unexpected) {
            log.warn("Reading the feed of partner {} failed unexpectedly", partner.id(), unexpected);
            return new Fetched(partner, List.of(), "the feed could not be read");
        }
    }

    private void logFailure(Partner partner, String detail) {
        log.warn(
                "Import of partner {} ({}) from {} failed: {}",
                partner.id(),
                partner.name(),
                OutboundHttp.redact(partner.feedUrl()),
                detail);
    }

    ImportResponse store(Partner partner, List<PartnerFeedClient.Entry> entries) {
        Instant now = clock.instant();
        URI base = URI.create(partner.feedUrl());
        int skipped = 0;
        List<PartnerNewsStore.Headline> headlines = new ArrayList<>();
        for (PartnerFeedClient.Entry entry : entries) {
            String title = entry.title() == null
                    ? ""
                    : Jsoup.parse(entry.title()).text().strip();
            URI url = HttpUrls.resolve(base, entry.link()).orElse(null);
            if (title.isEmpty() || url == null) {
                skipped++;
                continue;
            }
            if (title.length() > MAX_TITLE) {
                title = title.substring(0, MAX_TITLE - 1) + "…";
            }
            // A partner's clock running ahead must not pin its headline on top of the block.
            Instant published =
                    entry.publishedAt() == null || entry.publishedAt().isAfter(now) ? now : entry.publishedAt();
            headlines.add(
                    new PartnerNewsStore.Headline(partner.id(), title, url.toString(), published, partner.topicId()));
        }
        int total = headlines.size();
        int added = transactions.execute(status -> {
            int count = 0;
            for (PartnerNewsStore.Headline headline : headlines) {
                if (news.insertIfNew(headline, "FEED", now).isPresent()) {
                    count++;
                }
            }
            partners.recordImport(partner.id(), now, "SUCCEEDED", null, count);
            return count;
        });
        meters.counter("dateline.partners.imports", "outcome", "succeeded").increment();
        meters.counter("dateline.partners.headlines.added").increment(added);
        log.info(
                "Imported partner {} ({}): {} new, {} known, {} skipped",
                partner.id(),
                partner.name(),
                added,
                total - added,
                skipped);
        return new ImportResponse(partner.id(), "SUCCEEDED", added, total - added, skipped, null);
    }

    ImportResponse failed(Partner partner, String reason) {
        transactions.executeWithoutResult(
                status -> partners.recordImport(partner.id(), clock.instant(), "FAILED", reason, 0));
        meters.counter("dateline.partners.imports", "outcome", "failed").increment();
        return ImportResponse.failed(partner.id(), reason);
    }

    /**
     * Refuses a feed URL that the import would refuse anyway (an internal address, a port other
     * than the default), so that the editor learns it now; the detail stays in the log.
     */
    private void checkFeedUrl(String feedUrl) {
        if (!StringUtils.hasText(feedUrl)) {
            return;
        }
        URI url = URI.create(feedUrl.strip());
        outbound.refusal(url).ifPresent(reason -> {
            log.info("Refused partner feed URL {}: {}", OutboundHttp.redact(url), reason);
            throw InvalidFieldsException.of("feedUrl", "must be a public http or https address on the default port");
        });
    }

    private Partner load(long id) {
        return partners.findById(id).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(long id) {
        return new ProblemException(
                        HttpStatus.NOT_FOUND, "partner-not-found", "Partner not found", "No partner has id " + id + ".")
                .with("partnerId", id);
    }

    private PartnerResponse response(Partner partner) {
        return PartnerResponse.from(partner, slugOf(partner.topicId()));
    }

    private Long topicId(String slug) {
        return StringUtils.hasText(slug)
                ? topics.requireAll(List.of(slug)).get(0).id()
                : null;
    }

    private String slugOf(Long topicId) {
        return topicId == null
                ? null
                : slugOf(topics.findAllById(List.of(topicId)).get(topicId));
    }

    private static String slugOf(TopicRef ref) {
        return ref == null ? null : ref.slug();
    }

    private static <T> T saving(Supplier<T> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException ex) {
            if (UniqueViolations.isOn(ex, "partner_name_uidx")) {
                throw new ProblemException(
                        HttpStatus.CONFLICT,
                        "partner-name-taken",
                        "Partner name taken",
                        "Another partner already has this name.");
            }
            throw ex;
        } catch (OptimisticLockingFailureException ex) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "concurrent-change",
                    "Changed concurrently",
                    "Another editor changed this partner at the same time; read it again and retry.");
        }
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }
}
