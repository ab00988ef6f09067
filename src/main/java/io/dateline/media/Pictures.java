package io.dateline.media;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pictures for read models. A query that lists articles selects {@link #column(String)} next to its
 * own columns, a primary-key probe of {@code image} evaluated only for the rows it returns, so a
 * page with pictures stays one statement; {@link #read(String)} turns that JSON into the public
 * {@link Picture}, with URLs under {@code dateline.media.public-url}.
 */
@Component
public class Pictures {

    private final MediaProperties properties;

    private final JsonMapper json;

    Pictures(MediaProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    /** A SQL expression: the image whose id is in {@code imageIdColumn} as JSON, or null. */
    public static String column(String imageIdColumn) {
        return "(select json_build_object('hash', i.hash, 'caption', i.caption, 'credit', i.credit, 'alt', i.alt,"
                + " 'renditions', i.renditions) from image i where i.id = " + imageIdColumn + ")";
    }

    /** The picture of a {@link #column(String)} value; null for null. */
    public Picture read(String column) {
        if (column == null) {
            return null;
        }
        Stored stored = json.readValue(column, Stored.class);
        return picture(stored.hash(), stored.caption(), stored.credit(), stored.alt(), stored.renditions());
    }

    Picture picture(String hash, String caption, String credit, String alt, List<Size> sizes) {
        List<Picture.Rendition> renditions = sizes.stream()
                .map(size -> new Picture.Rendition(
                        properties.url(key(hash, size.width())), size.width(), size.height(), "image/jpeg"))
                .toList();
        Picture.Rendition largest = renditions.get(renditions.size() - 1);
        return new Picture(largest.url(), largest.width(), largest.height(), caption, credit, alt, renditions);
    }

    static String key(String hash, int width) {
        return hash + "-" + width + ".jpg";
    }

    record Size(int width, int height) {}

    private record Stored(String hash, String caption, String credit, String alt, List<Size> renditions) {}
}
