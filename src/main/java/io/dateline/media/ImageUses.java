package io.dateline.media;

import java.util.List;

/**
 * Which published articles show an image: implemented by the feature that owns articles, so that
 * media needs nothing of theirs. Called inside the deleting transaction, after the image row is
 * locked.
 */
public interface ImageUses {

    /** How many article ids a refusal lists: enough to find them, whatever a picture's reach. */
    int MAX_LISTED = 20;

    /**
     * Ids of published (live or scheduled) articles with this image as lead or in their body, the
     * lowest {@link #MAX_LISTED} of them; empty when none.
     */
    List<Long> publishedArticlesUsing(long imageId);
}
