package io.dateline.article;

/** Stored states. "Scheduled" is not stored: it is PUBLISHED with a publish time still to come. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
