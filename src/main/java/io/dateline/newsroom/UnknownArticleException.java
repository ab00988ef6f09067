package io.dateline.newsroom;

import io.dateline.platform.ProblemException;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Related articles named by id that do not exist. */
class UnknownArticleException extends ProblemException {

    UnknownArticleException(Collection<Long> ids) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-article",
                "Unknown related article",
                "No article has the id(s) " + ids + ".");
        with("unknownArticleIds", List.copyOf(ids));
    }
}
