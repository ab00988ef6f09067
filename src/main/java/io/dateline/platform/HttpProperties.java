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
 * @param maxRequestSize largest request body accepted from a caller with a valid token; larger
 *     ones are refused with 413 before anything reads them
 * @param maxAnonymousRequestSize largest request body accepted without a token (reader
 *     registration needs none at all): small, so that nobody unknown makes the service buffer much
 * @param maxUploadSize largest multipart body (a picture upload) accepted from a caller with a valid
 *     token, in place of {@code maxRequestSize}: a little more than {@code dateline.media.max-file-size}
 *     for the form's other fields
 */
@ConfigurationProperties("dateline.http")
public record HttpProperties(
        @DefaultValue("60s") Duration articleMaxAge,
        @DefaultValue("15s") Duration feedMaxAge,
        @DefaultValue("2MB") DataSize maxRequestSize,
        @DefaultValue("16KB") DataSize maxAnonymousRequestSize,
        @DefaultValue("11MB") DataSize maxUploadSize) {}
