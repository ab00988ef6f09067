package io.dateline.media;

import io.dateline.platform.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

class ImageInUseException extends ProblemException {

    ImageInUseException(long id, List<Long> articleIds) {
        super(
                HttpStatus.CONFLICT,
                "image-in-use",
                "Image in use",
                "Image " + id + " is shown by published articles (articleIds lists up to " + ImageUses.MAX_LISTED
                        + "); replace or remove it there first.");
        with("imageId", id);
        with("articleIds", articleIds);
    }
}
