package io.dateline.newsroom;

import io.dateline.article.ExternalLinkResponse;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** "In other media": a link to coverage elsewhere. */
@Embeddable
class ExternalLink {

    private String title;

    private String url;

    @Column(name = "source_name")
    private String sourceName;

    protected ExternalLink() {}

    ExternalLink(String title, String url, String sourceName) {
        this.title = title;
        this.url = url;
        this.sourceName = sourceName;
    }

    String title() {
        return title;
    }

    String url() {
        return url;
    }

    String sourceName() {
        return sourceName;
    }

    ExternalLinkResponse response() {
        return new ExternalLinkResponse(title(), url(), sourceName());
    }
}
