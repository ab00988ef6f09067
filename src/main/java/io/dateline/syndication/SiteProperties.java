package io.dateline.syndication;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public web site that syndicated content points to. The API does not serve article pages
 * itself, so every link a feed or a ninjs item carries is built from {@code baseUrl}.
 *
 * @param baseUrl the site's public root, without a trailing slash; an article's page is
 *     {@code baseUrl/news/{slug}}, a topic's {@code baseUrl/topics/{slug}}
 * @param name the publisher's name: feed titles, the Atom author of unsigned articles
 * @param description the feeds' channel description
 * @param copyrightNotice ninjs copyrightnotice and the feeds' rights; omitted when blank
 * @param usageTerms ninjs usageterms; omitted when blank
 */
@ConfigurationProperties("dateline.site")
record SiteProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("Dateline") String name,
        @DefaultValue("The latest news from Dateline") String description,
        String copyrightNotice,
        String usageTerms) {

    String articleUrl(String slug) {
        return root() + "/news/" + slug;
    }

    String topicUrl(String slug) {
        return root() + "/topics/" + slug;
    }

    String apiUrl(String path) {
        return root() + path;
    }

    String root() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A stable id for an article that survives slug and base-URL changes: feed guid, ninjs uri. */
    static String articleUri(long id) {
        return "urn:dateline:article:" + id;
    }
}
