package io.dateline.article;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Also what the public sees for drafts, scheduled and archived articles: no hint that one exists. */
public class ArticleNotFoundException extends ProblemException {

    public ArticleNotFoundException(String idOrSlug) {
        super(HttpStatus.NOT_FOUND, "article-not-found", "Article not found", "No article '" + idOrSlug + "' exists.");
    }
}
