package io.dateline.syndication;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dateline.article.ArticleSummary;
import io.dateline.article.PublishedArticle;
import io.dateline.article.TopicLabel;
import io.dateline.media.Picture;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.springframework.util.StringUtils;

/**
 * An article as an IPTC ninjs 2.2 news item (News in JSON). Member names are the standard's, all
 * lower case; empty members are left out, since the schema admits no nulls.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "NinjsItem", description = "IPTC ninjs 2.2: https://www.iptc.org/std/ninjs/ninjs-schema_2.2.json")
record NinjsItem(
        Standard standard,
        @Schema(example = "urn:dateline:article:1042") String uri,
        @Schema(example = "text") String type,
        @Schema(example = "full") String representationtype,
        @Schema(example = "3") String version,
        OffsetDateTime firstcreated,
        OffsetDateTime versioncreated,
        @Schema(example = "usable") String pubstatus,
        @Schema(example = "en") String language,
        List<Text> headlines,
        List<Text> descriptions,
        List<Body> bodies,
        List<Subject> subjects,
        @Schema(example = "MOSCOW") String located,
        String by,
        List<InfoSource> infosources,
        String copyrightnotice,
        String usageterms,
        List<Rendition> renditions,
        List<AltId> altids,
        List<NinjsItem> associations,

        @Schema(description = "Only on an association: its role", example = "related-1")
        String name,

        @Schema(
                description = "While the article is breaking news: 1 (most urgent) to 9; absent otherwise",
                example = "1",
                minimum = "1",
                maximum = "9")
        Integer urgency) {

    static final String VERSION = "2.2";

    static final String MEDIA_TYPE = "application/ninjs+json";

    static final String MEDIA_TYPE_VERSIONED = MEDIA_TYPE + ";version=" + VERSION;

    static final String SCHEMA = "https://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";

    record Standard(String name, String version, String schema) {}

    /** A headline or description: ninjs keeps several, each with a role and a media type. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Text(String role, String contenttype, String value) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Body(String role, String contenttype, Integer charcount, Integer wordcount, String value) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Subject(String name, String uri, String literal, String rel) {}

    record InfoSource(String name, String role) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rendition(String name, String href, String contenttype, Integer width, Integer height) {

        Rendition(String name, String href, String contenttype) {
            this(name, href, contenttype, null, null);
        }
    }

    record AltId(String role, String value) {}

    static NinjsItem from(PublishedArticle article, SiteProperties site) {
        List<NinjsItem> associations = new ArrayList<>();
        if (article.leadImage() != null) {
            associations.add(picture("featureimage", article.leadImage()));
        }
        for (int i = 0; i < article.images().size(); i++) {
            associations.add(picture("image-" + (i + 1), article.images().get(i)));
        }
        for (int i = 0; i < article.related().size(); i++) {
            associations.add(association("related-" + (i + 1), article.related().get(i), site));
        }
        String html = article.html();
        String text = Jsoup.parse(html).text();
        return new NinjsItem(
                new Standard("ninjs", VERSION, SCHEMA),
                SiteProperties.articleUri(article.id()),
                "text",
                "full",
                Long.toString(article.version()),
                inZone(article, article.createdAt()),
                inZone(article, article.updatedAt()),
                "usable",
                article.language(),
                List.of(new Text("main", "text/plain", article.headline())),
                StringUtils.hasText(article.lead())
                        ? List.of(new Text("summary", "text/plain", article.lead()))
                        : List.of(),
                List.of(new Body("main", "text/html", text.length(), words(text), html)),
                article.topics().stream().map(topic -> subject(topic, site)).toList(),
                blankToNull(article.dateline()),
                blankToNull(article.byline()),
                StringUtils.hasText(article.source()) ? List.of(new InfoSource(article.source(), "source")) : List.of(),
                blankToNull(site.copyrightNotice()),
                blankToNull(site.usageTerms()),
                List.of(new Rendition("web", site.articleUrl(article.slug()), "text/html")),
                List.of(new AltId("slug", article.slug()), new AltId("id", Long.toString(article.id()))),
                associations,
                null,
                article.urgency());
    }

    /** A related article, by reference: enough for a partner to show a link or fetch it by uri. */
    private static NinjsItem association(String name, ArticleSummary related, SiteProperties site) {
        return new NinjsItem(
                null,
                SiteProperties.articleUri(related.id()),
                "text",
                "partial",
                null,
                null,
                null,
                "usable",
                related.language(),
                List.of(new Text("main", "text/plain", related.headline())),
                StringUtils.hasText(related.lead())
                        ? List.of(new Text("summary", "text/plain", related.lead()))
                        : List.of(),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                List.of(new Rendition("web", site.articleUrl(related.slug()), "text/html")),
                List.of(new AltId("slug", related.slug())),
                List.of(),
                name,
                null);
    }

    /**
     * A picture, by reference: its renditions with their sizes, the caption as description and the
     * credit as by-line. Its uri is the largest rendition's address, which names the content.
     */
    private static NinjsItem picture(String name, Picture picture) {
        List<Text> descriptions = new ArrayList<>();
        if (StringUtils.hasText(picture.caption())) {
            descriptions.add(new Text("caption", "text/plain", picture.caption()));
        }
        if (StringUtils.hasText(picture.alt())) {
            descriptions.add(new Text("alternative", "text/plain", picture.alt()));
        }
        return new NinjsItem(
                null,
                picture.url(),
                "picture",
                "full",
                null,
                null,
                null,
                "usable",
                null,
                List.of(),
                descriptions,
                List.of(),
                List.of(),
                null,
                blankToNull(picture.credit()),
                List.of(),
                null,
                null,
                picture.renditions().stream()
                        .map(rendition -> new Rendition(
                                "w" + rendition.width(),
                                rendition.url(),
                                rendition.type(),
                                rendition.width(),
                                rendition.height()))
                        .toList(),
                List.of(),
                List.of(),
                name,
                null);
    }

    private static Subject subject(TopicLabel topic, SiteProperties site) {
        return new Subject(topic.name(), site.topicUrl(topic.slug()), topic.slug(), topic.primary() ? "primary" : null);
    }

    private static OffsetDateTime inZone(PublishedArticle article, Instant instant) {
        return instant.atZone(ZoneId.of(article.timeZone())).toOffsetDateTime();
    }

    private static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value : null;
    }
}
