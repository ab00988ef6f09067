package io.dateline.newsroom;

import io.dateline.platform.ProblemException;
import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * If-Match does not name the current version. The detail tells the editor which ETag to send: a
 * weak tag (the public read's) or one of another article can never match, which is a different
 * mistake from a copy that someone else's edit made stale.
 */
class StaleArticleException extends ProblemException {

    StaleArticleException(long id, String ifMatch) {
        super(HttpStatus.PRECONDITION_FAILED, "stale-article", "Article changed", detail(id, ifMatch));
        with("articleId", id);
    }

    private static String detail(long id, String ifMatch) {
        String source = "GET /api/v1/newsroom/articles/" + id;
        String[] tags = ifMatch == null ? new String[0] : ifMatch.split(",");
        if (tags.length > 0 && Arrays.stream(tags).allMatch(tag -> tag.strip().startsWith("W/"))) {
            return "If-Match needs the strong ETag of " + source + "; a weak ETag (W/..., as public reads send)"
                    + " never matches a write.";
        }
        if (tags.length > 0 && Arrays.stream(tags).noneMatch(tag -> ours(id, tag.strip()))) {
            return "The ETag in If-Match is not one of article " + id + "'s (those look like \"" + id
                    + "-<version>\"). Send the ETag of " + source + ".";
        }
        return "Article " + id + " has changed since the ETag in If-Match. Fetch it again (" + source
                + "), reapply the edit and send that response's ETag.";
    }

    private static boolean ours(long id, String tag) {
        return tag.matches("\"" + id + "-\\d+\"");
    }
}
