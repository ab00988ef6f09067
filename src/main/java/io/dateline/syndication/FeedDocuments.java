package io.dateline.syndication;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.dateline.article.PublishedArticle;
import io.dateline.article.TopicLabel;
import io.dateline.media.Picture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders articles as RSS 2.0 and Atom 1.0 documents with ROME's wire-feed model, which maps one to
 * one onto the XML, so that every element (guid and isPermaLink, content:encoded, dc:creator) is
 * exactly what this class sets.
 */
@Component
class FeedDocuments {

    static final String RSS = "application/rss+xml";

    static final String ATOM = "application/atom+xml";

    private static final Namespace ATOM_NS = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    /** Media RSS, which feed readers and aggregators read an item's picture from. */
    static final Namespace MEDIA_NS = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private final SiteProperties site;

    FeedDocuments(SiteProperties site) {
        this.site = site;
    }

    /**
     * What a feed is about.
     *
     * @param htmlUrl the page on the site that shows the same list
     * @param selfPath the feed's own path on this API, without the extension
     */
    record Subject(String title, String htmlUrl, String selfPath) {}

    String rss(Subject subject, List<PublishedArticle> articles) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(subject.title());
        channel.setLink(subject.htmlUrl());
        channel.setDescription(site.description());
        channel.setGenerator(site.name());
        channel.setDocs("https://www.rssboard.org/rss-specification");
        if (StringUtils.hasText(site.copyrightNotice())) {
            channel.setCopyright(site.copyrightNotice());
        }
        if (!articles.isEmpty()) {
            channel.setPubDate(Date.from(articles.get(0).publishedAt().toInstant()));
            channel.setLastBuildDate(Date.from(newestChange(articles)));
        }
        // Feed validators ask an RSS feed to name its own URL, which RSS itself cannot say.
        Element self = new Element("link", ATOM_NS)
                .setAttribute("href", site.apiUrl(subject.selfPath() + ".rss"))
                .setAttribute("rel", "self")
                .setAttribute("type", "application/rss+xml");
        channel.setForeignMarkup(new ArrayList<>(List.of(self)));
        channel.setItems(articles.stream().map(this::item).toList());
        return write(channel);
    }

    private Item item(PublishedArticle article) {
        Item item = new Item();
        item.setTitle(article.headline());
        item.setLink(site.articleUrl(article.slug()));
        Guid guid = new Guid();
        guid.setValue(SiteProperties.articleUri(article.id()));
        // The link follows the slug, which an editor may change; the guid must not.
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(Date.from(article.publishedAt().toInstant()));
        if (StringUtils.hasText(article.lead())) {
            // RSS readers treat description as HTML; the lead is plain text, so it is escaped once
            // for HTML here and once more for XML by the writer.
            Description description = new Description();
            description.setType("text/html");
            description.setValue(HtmlUtils.htmlEscape(article.lead()));
            item.setDescription(description);
        }
        com.rometools.rome.feed.rss.Content content = new com.rometools.rome.feed.rss.Content();
        content.setType(com.rometools.rome.feed.rss.Content.HTML);
        content.setValue(article.html());
        item.setContent(content);
        item.setCategories(article.topics().stream().map(this::rssCategory).toList());
        DCModuleImpl dc = new DCModuleImpl();
        if (StringUtils.hasText(article.byline())) {
            dc.setCreator(article.byline());
        }
        dc.setLanguage(article.language());
        List<Module> modules = new ArrayList<>();
        modules.add(dc);
        item.setModules(modules);
        if (article.leadImage() != null) {
            Picture picture = article.leadImage();
            // RSS 2.0 wants a length; 0 is the usual "unknown" and readers fetch the picture anyway
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(picture.url());
            enclosure.setType("image/jpeg");
            enclosure.setLength(0);
            item.setEnclosures(new ArrayList<>(List.of(enclosure)));
            item.setForeignMarkup(new ArrayList<>(List.of(mediaContent(picture))));
        }
        return item;
    }

    private com.rometools.rome.feed.rss.Category rssCategory(TopicLabel topic) {
        com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
        category.setDomain(site.root() + "/topics");
        category.setValue(topic.name());
        return category;
    }

    String atom(Subject subject, List<PublishedArticle> articles) {
        Feed feed = new Feed("atom_1.0");
        String self = site.apiUrl(subject.selfPath() + ".atom");
        feed.setId(self);
        feed.setTitle(subject.title());
        Content subtitle = new Content();
        subtitle.setType(Content.TEXT);
        subtitle.setValue(site.description());
        feed.setSubtitle(subtitle);
        feed.setUpdated(Date.from(articles.isEmpty() ? Instant.EPOCH : newestChange(articles)));
        feed.setAlternateLinks(new ArrayList<>(List.of(link(subject.htmlUrl(), "alternate", "text/html"))));
        feed.setOtherLinks(new ArrayList<>(List.of(link(self, "self", "application/atom+xml"))));
        // Atom requires an author for every entry; the publisher stands in for unsigned articles.
        feed.setAuthors(new ArrayList<>(List.of(person(site.name()))));
        if (StringUtils.hasText(site.copyrightNotice())) {
            feed.setRights(site.copyrightNotice());
        }
        feed.setEntries(articles.stream().map(this::entry).toList());
        return write(feed);
    }

    private Entry entry(PublishedArticle article) {
        Entry entry = new Entry();
        entry.setId(SiteProperties.articleUri(article.id()));
        Content title = new Content();
        title.setType(Content.TEXT);
        title.setValue(article.headline());
        entry.setTitleEx(title);
        entry.setAlternateLinks(
                new ArrayList<>(List.of(link(site.articleUrl(article.slug()), "alternate", "text/html"))));
        entry.setPublished(Date.from(article.publishedAt().toInstant()));
        entry.setUpdated(Date.from(changed(article)));
        if (StringUtils.hasText(article.lead())) {
            Content summary = new Content();
            summary.setType(Content.TEXT);
            summary.setValue(article.lead());
            entry.setSummary(summary);
        }
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(article.html());
        entry.setContents(new ArrayList<>(List.of(content)));
        entry.setCategories(article.topics().stream().map(this::atomCategory).toList());
        if (StringUtils.hasText(article.byline())) {
            entry.setAuthors(new ArrayList<>(List.of(person(article.byline()))));
        }
        if (article.leadImage() != null) {
            Picture picture = article.leadImage();
            entry.setOtherLinks(new ArrayList<>(List.of(link(picture.url(), "enclosure", "image/jpeg"))));
            entry.setForeignMarkup(new ArrayList<>(List.of(mediaContent(picture))));
        }
        return entry;
    }

    private Category atomCategory(TopicLabel topic) {
        Category category = new Category();
        category.setTerm(topic.slug());
        category.setLabel(topic.name());
        category.setScheme(site.root() + "/topics/");
        return category;
    }

    /** The lead image as {@code media:content}: its largest rendition, caption and credit. */
    private static Element mediaContent(Picture picture) {
        Element content = new Element("content", MEDIA_NS)
                .setAttribute("url", picture.url())
                .setAttribute("type", "image/jpeg")
                .setAttribute("medium", "image")
                .setAttribute("width", Integer.toString(picture.width()))
                .setAttribute("height", Integer.toString(picture.height()));
        if (StringUtils.hasText(picture.caption())) {
            content.addContent(new Element("description", MEDIA_NS)
                    .setAttribute("type", "plain")
                    .setText(picture.caption()));
        }
        if (StringUtils.hasText(picture.credit())) {
            content.addContent(new Element("credit", MEDIA_NS).setText(picture.credit()));
        }
        if (StringUtils.hasText(picture.alt())) {
            content.addContent(
                    new Element("text", MEDIA_NS).setAttribute("type", "plain").setText(picture.alt()));
        }
        return content;
    }

    private static Link link(String href, String rel, String type) {
        Link link = new Link();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }

    private static Person person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }

    /** Atom's updated may not precede published: a scheduled article was last edited before it went live. */
    private static Instant changed(PublishedArticle article) {
        Instant published = article.publishedAt().toInstant();
        return article.updatedAt().isAfter(published) ? article.updatedAt() : published;
    }

    private static Instant newestChange(List<PublishedArticle> articles) {
        return articles.stream()
                .map(FeedDocuments::changed)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    private static String write(WireFeed feed) {
        try {
            // Raw, not ROME's compact format: that one collapses whitespace, also inside <pre>.
            Document document = new WireFeedOutput().outputJDom(feed);
            document.getRootElement().addNamespaceDeclaration(MEDIA_NS);
            return new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).outputString(document);
        } catch (FeedException ex) {
            throw new IllegalStateException("ROME could not write a " + feed.getFeedType() + " document", ex);
        }
    }
}
