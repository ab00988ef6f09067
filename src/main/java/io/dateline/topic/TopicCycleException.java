package io.dateline.topic;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class TopicCycleException extends ProblemException {

    TopicCycleException(String slug, String parent) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "topic-cycle",
                "Topic cycle",
                "The topic '" + parent + "' is '" + slug + "' or one of its sub-topics, so it cannot be its parent.");
        with("parent", parent);
    }
}
