package io.dateline.topic;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class TopicSlugTakenException extends ProblemException {

    TopicSlugTakenException(String slug) {
        super(HttpStatus.CONFLICT, "topic-slug-taken", "Slug taken", "A topic with the slug '" + slug + "' exists.");
        with("slug", slug);
    }
}
