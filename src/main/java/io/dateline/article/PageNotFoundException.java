package io.dateline.article;

import io.dateline.platform.ProblemException;
import org.springframework.http.HttpStatus;

class PageNotFoundException extends ProblemException {

    PageNotFoundException(int page, int pageCount) {
        super(
                HttpStatus.NOT_FOUND,
                "page-not-found",
                "Page not found",
                "The article has " + pageCount + " page(s); there is no page " + page + ".");
        with("pageCount", pageCount);
    }
}
