package io.dateline.media;

import io.dateline.platform.Cursors;
import io.dateline.platform.InvalidCursorException;
import io.dateline.platform.PublicPagesChanged;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The image library. Renditions are written to the store before the row that names them commits,
 * and deleted after the row's delete commits: a failure in between leaves an unreferenced file,
 * never a row whose pictures are missing.
 */
@Service
public class Images {

    private static final Logger log = LoggerFactory.getLogger(Images.class);

    private static final String LIST_QUERY = "images";

    private final ImageRepository images;

    private final ImageProcessor processor;

    private final ImageStore store;

    private final Pictures pictures;

    private final ImageUses uses;

    private final Cursors cursors;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    private final Clock clock;

    Images(
            ImageRepository images,
            ImageProcessor processor,
            ImageStore store,
            Pictures pictures,
            ImageUses uses,
            Cursors cursors,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.images = images;
        this.processor = processor;
        this.store = store;
        this.pictures = pictures;
        this.uses = uses;
        this.cursors = cursors;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The stored image, and whether this upload created it (false: the same bytes were there). */
    record Uploaded(ImageResponse image, boolean created) {}

    /**
     * Checks, decodes and renders an upload, then stores it. The same bytes uploaded again are the
     * same image: the existing one is returned unchanged, metadata included.
     */
    Uploaded upload(byte[] bytes, String caption, String credit, String alt) {
        String hash = hash(bytes);
        Optional<ImageRow> existing = images.findByHash(hash);
        if (existing.isPresent()) {
            return new Uploaded(ImageResponse.from(existing.get(), pictures), false);
        }
        ImageProcessor.Processed processed = processor.process(bytes);
        List<Pictures.Size> sizes = processed.renditions().stream()
                .map(rendition -> new Pictures.Size(rendition.width(), rendition.height()))
                .toList();
        for (ImageProcessor.Rendition rendition : processed.renditions()) {
            store.put(Pictures.key(hash, rendition.width()), rendition.jpeg());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Long> id = images.insert(
                hash,
                processed.type(),
                processed.width(),
                processed.height(),
                bytes.length,
                caption,
                credit,
                alt,
                sizes,
                now);
        ImageRow row = id.flatMap(images::find)
                .or(() -> images.findByHash(hash))
                .orElseThrow(() -> new IllegalStateException("Image " + hash + " vanished while being stored"));
        return new Uploaded(ImageResponse.from(row, pictures), id.isPresent());
    }

    @Transactional(readOnly = true)
    ImageResponse get(long id) {
        return images.find(id)
                .map(row -> ImageResponse.from(row, pictures))
                .orElseThrow(() -> new ImageNotFoundException(id));
    }

    @Transactional(readOnly = true)
    ImageList list(String cursor, int limit) {
        Instant afterAt = null;
        Long afterId = null;
        if (cursor != null) {
            List<String> position = cursors.decode(cursor, LIST_QUERY);
            try {
                afterAt = Instant.parse(position.get(0));
                afterId = Long.parseLong(position.get(1));
            } catch (DateTimeParseException | NumberFormatException | IndexOutOfBoundsException ex) {
                throw new InvalidCursorException("The cursor is not one this service issued.");
            }
        }
        List<ImageRow> rows = images.page(afterAt, afterId, limit + 1);
        List<ImageRow> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = null;
        if (rows.size() > limit) {
            ImageRow last = shown.get(shown.size() - 1);
            next = cursors.encode(LIST_QUERY, List.of(last.createdAt().toString(), Long.toString(last.id())));
        }
        return new ImageList(
                shown.stream().map(row -> ImageResponse.from(row, pictures)).toList(), next);
    }

    /** Replaces caption, credit and alt text; articles showing the image show the new text. */
    @Transactional
    ImageResponse update(long id, UpdateImageRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!images.updateMetadata(id, request.caption(), request.credit(), request.alt(), now)) {
            throw new ImageNotFoundException(id);
        }
        events.publishEvent(PublicPagesChanged.content());
        return get(id);
    }

    /**
     * Deletes an image no published article shows (409 otherwise); drafts and archived articles
     * that used it lose the reference. The renditions go once the delete has committed.
     */
    void delete(long id) {
        ImageRow deleted = transactions.execute(status -> {
            ImageRow row = images.lock(id).orElseThrow(() -> new ImageNotFoundException(id));
            List<Long> articles = uses.publishedArticlesUsing(id);
            if (!articles.isEmpty()) {
                throw new ImageInUseException(id, articles);
            }
            images.delete(id);
            events.publishEvent(PublicPagesChanged.content());
            return row;
        });
        for (String key : deleted.keys()) {
            try {
                store.delete(key);
            } catch (RuntimeException ex) {
                log.warn("Image {} is deleted but its rendition {} could not be removed: {}", id, key, ex.toString());
            }
        }
    }

    /**
     * Checks that every id names an image and holds them until the caller's transaction ends, so
     * that none is deleted before the article naming it is saved; throws {@link
     * UnknownImageException} (422) naming the missing ones.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> found = images.holdExisting(ids);
        List<Long> unknown = new LinkedHashSet<>(ids)
                .stream().filter(wanted -> !found.contains(wanted)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownImageException(unknown);
        }
    }

    static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
        }
    }
}
