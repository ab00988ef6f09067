package io.dateline.article;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The editor's copy is not the current version: someone else changed the article meanwhile. */
class StaleArticleException extends ProblemException {

    StaleArticleException(long id) {
        super(
                HttpStatus.PRECONDITION_FAILED,
                "stale-article",
                "Article changed",
                "Article " + id + " has changed since the ETag in If-Match. Fetch it again and reapply the edit.");
        with("articleId", id);
    }
}
