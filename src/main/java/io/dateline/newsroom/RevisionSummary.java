package io.dateline.newsroom;

import java.time.Instant;

/**
 * @param action CREATED, UPDATED, PUBLISHED, UNPUBLISHED, ARCHIVED or RESTORED
 * @param editor the authenticated name of who made the change
 */
record RevisionSummary(long version, String action, String editor, Instant createdAt) {}
