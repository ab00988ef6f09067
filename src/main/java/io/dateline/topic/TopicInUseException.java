package io.dateline.topic;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class TopicInUseException extends ProblemException {

    TopicInUseException(String slug, long articles) {
        super(
                HttpStatus.CONFLICT,
                "topic-in-use",
                "Topic in use",
                "The topic '" + slug + "' still has " + articles
                        + " article(s). Delete it with ?reassignTo=<slug> to move them to another topic.");
        with("slug", slug);
        with("articleCount", articles);
    }
}
