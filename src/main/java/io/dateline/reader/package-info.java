/**
 * Readers: the anonymous identity of one mobile app install, which owns a READER token and, later,
 * the reader's feed preferences (followed and muted topics, languages).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Readers",
        allowedDependencies = {"security", "platform", "topic"})
package io.dateline.reader;
