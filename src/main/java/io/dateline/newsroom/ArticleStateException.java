package io.dateline.newsroom;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** An operation that the article's current state does not allow. */
class ArticleStateException extends ProblemException {

    ArticleStateException(Long id, String state, String detail) {
        super(HttpStatus.CONFLICT, "article-state", "Not allowed in this state", detail);
        with("articleId", id);
        with("state", state);
    }
}
