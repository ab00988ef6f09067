package io.dateline.syndication;

import io.dateline.article.ArticleChange;
import io.dateline.article.ArticleChanges;
import io.dateline.platform.Cursors;
import io.dateline.platform.ETags;
import io.dateline.platform.InvalidCursorException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The change feed for apps that keep a copy of the public articles: positions of article's change
 * log behind signed cursors. A cursor is only a position, so it never expires: what it skipped
 * since has a newer entry after it.
 */
@Service
class ChangeFeed {

    /** The fingerprint every change cursor is signed with: there are no filters. */
    private static final String QUERY = "changes";

    private final ArticleChanges changes;

    private final Cursors cursors;

    ChangeFeed(ArticleChanges changes, Cursors cursors) {
        this.changes = changes;
        this.cursors = cursors;
    }

    record Page(ChangePage page, String etag) {}

    Page page(String since, int limit) {
        long after = since == null ? 0 : position(since);
        // one more than asked tells whether more follow, at no extra query
        List<ArticleChange> read = changes.after(after, limit + 1);
        List<ArticleChange> shown = read.subList(0, Math.min(limit, read.size()));
        long last = shown.isEmpty() ? after : shown.get(shown.size() - 1).position();
        String next = cursors.encode(QUERY, List.of(Long.toString(last)));
        ChangePage page = new ChangePage(shown.stream().map(ChangeEntry::from).toList(), next, read.size() > limit);
        StringBuilder tag = new StringBuilder().append(after).append(':').append(page.hasMore());
        shown.forEach(change ->
                tag.append(':').append(change.position()).append(change.type()).append(change.article()));
        return new Page(page, ETags.weakDigest(tag.toString()));
    }

    private long position(String since) {
        List<String> position = cursors.decode(since, QUERY);
        try {
            long value = position.size() == 1 ? Long.parseLong(position.get(0)) : -1;
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ex) {
            // falls through to the same answer as a forged cursor
        }
        throw new InvalidCursorException("The cursor is not one this service issued.");
    }
}
