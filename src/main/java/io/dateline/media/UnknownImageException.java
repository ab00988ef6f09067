package io.dateline.media;

import io.dateline.platform.ProblemException;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;

/** An article names images that do not exist; the problem lists them in {@code unknownImages}. */
public class UnknownImageException extends ProblemException {

    public UnknownImageException(Collection<Long> ids) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-image",
                "Unknown image",
                "No image has the id "
                        + String.join(", ", ids.stream().map(String::valueOf).toList()) + ".");
        with("unknownImages", List.copyOf(ids));
    }
}
