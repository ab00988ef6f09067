package io.dateline.newsroom;

import java.time.Instant;

record RevisionResponse(long version, String action, String editor, Instant createdAt, ArticleSnapshot snapshot) {}
