package io.dateline.article;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one setting of the public web site that article needs, read from the same key as
 * syndication's feeds: an article's shareable page is {@code baseUrl/news/{slug}}.
 *
 * @param baseUrl the site's public root; a trailing slash is ignored
 */
@ConfigurationProperties("dateline.site")
record PublicSite(@DefaultValue("http://localhost:8080") URI baseUrl) {}
