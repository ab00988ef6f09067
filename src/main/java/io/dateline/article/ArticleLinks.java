package io.dateline.article;

import org.springframework.stereotype.Component;

/**
 * The absolute public address of an article, as apps share it: the same page that RSS and Atom
 * link to. Feed and search build summaries in their own SQL and take the address from here.
 */
@Component
public class ArticleLinks {

    private final String root;

    ArticleLinks(PublicSite site) {
        String url = site.baseUrl().toString();
        this.root = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String url(String slug) {
        return root + "/news/" + slug;
    }
}
