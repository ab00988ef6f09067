package io.dateline.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings shared by every feature that serves or accepts content, kept together so that an
 * operator tunes caching and limits in one place.
 *
 * @param articleMaxAge how long clients and CDNs may reuse a published article or the topic list
 *     without asking again; short, because a correction or an unpublish must reach readers soon
 * @param feedMaxAge how long a page of an anonymous stream may be reused; shorter than for an
 *     article, since "All news" changes with every publication
 * @param maxRequestSize largest request body accepted; larger ones are refused with 413 before
 *     anything reads them
 */
@ConfigurationProperties("dateline.http")
public record HttpProperties(
        @DefaultValue("60s") Duration articleMaxAge,
        @DefaultValue("15s") Duration feedMaxAge,
        @DefaultValue("2MB") DataSize maxRequestSize) {}
