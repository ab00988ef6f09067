package io.dateline.media;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The bytes are none of the accepted formats, whatever the file name or Content-Type said. */
class UnsupportedImageException extends ProblemException implements MediaProblem {

    UnsupportedImageException() {
        super(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-image-type",
                "Unsupported image type",
                "The file is not a JPEG, PNG or WebP image (judged by its content, not its name or Content-Type).");
    }
}
