package io.dateline.topic;

import io.dateline.platform.ProblemException;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A request names topics that do not exist; the problem lists them in {@code unknownTopics}. */
public class UnknownTopicException extends ProblemException {

    public UnknownTopicException(Collection<String> slugs) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-topic",
                "Unknown topic",
                "No topic has the slug "
                        + String.join(
                                ", ", slugs.stream().map(s -> "'" + s + "'").toList()) + ".");
        with("unknownTopics", List.copyOf(slugs));
    }
}
