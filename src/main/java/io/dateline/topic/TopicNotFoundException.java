package io.dateline.topic;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

public class TopicNotFoundException extends ProblemException {

    public TopicNotFoundException(String slug) {
        super(HttpStatus.NOT_FOUND, "topic-not-found", "Topic not found", "No topic has the slug '" + slug + "'.");
        with("slug", slug);
    }
}
