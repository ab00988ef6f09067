package io.dateline.media;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class ImageNotFoundException extends ProblemException {

    ImageNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, "image-not-found", "Image not found", "No image has the id " + id + ".");
        with("imageId", id);
    }
}
