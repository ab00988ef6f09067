package io.dateline.feed;

import java.time.Instant;

/** Where a page ended in the (published_at desc, id desc) order. */
record FeedPosition(Instant publishedAt, long id) {}
