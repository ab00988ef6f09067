/**
 * News search: PostgreSQL full-text search over every article's headline, lead and body (each in
 * its own language's text search configuration) and over topic names, in web-search syntax, ranked
 * by relevance blended with recency or listed newest first, with highlighted headlines and body
 * snippets; and suggestions as the reader types, tolerant of typos. Reads articles through the
 * article module's SQL functions (visible_article(now) and its kin, migration V97) and topics
 * through their table, in one statement per page, and shows them as the feed does (article
 * summaries); topic filters are resolved through the topic module's service.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Search",
        allowedDependencies = {"article", "topic", "media", "platform"})
package io.dateline.search;
