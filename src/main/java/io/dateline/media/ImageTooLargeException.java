package io.dateline.media;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class ImageTooLargeException extends ProblemException implements MediaProblem {

    ImageTooLargeException(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "image-too-large", "Image too large", detail);
    }
}
