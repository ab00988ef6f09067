package io.dateline.syndication;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class PartnerNewsNotFoundException extends ProblemException {

    PartnerNewsNotFoundException(long id) {
        super(
                HttpStatus.NOT_FOUND,
                "partner-news-not-found",
                "Headline not found",
                "No partner headline has id " + id + ".");
        with("id", id);
    }
}
