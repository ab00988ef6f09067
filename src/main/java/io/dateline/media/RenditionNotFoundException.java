package io.dateline.media;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class RenditionNotFoundException extends ProblemException {

    RenditionNotFoundException(String name) {
        super(
                HttpStatus.NOT_FOUND,
                "rendition-not-found",
                "Picture not found",
                "No picture is stored as " + name + ".");
    }
}
