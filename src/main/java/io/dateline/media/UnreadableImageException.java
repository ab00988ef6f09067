package io.dateline.media;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The file starts like an image but cannot be decoded whole: truncated or corrupt. */
class UnreadableImageException extends ProblemException implements MediaProblem {

    UnreadableImageException() {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unreadable-image",
                "Unreadable image",
                "The image could not be decoded completely: the file is truncated or corrupt.");
    }
}
