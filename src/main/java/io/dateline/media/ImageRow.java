package io.dateline.media;

import java.time.Instant;
import java.util.List;

record ImageRow(
        long id,
        String hash,
        String sourceType,
        int width,
        int height,
        long byteSize,
        String caption,
        String credit,
        String alt,
        List<Pictures.Size> renditions,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    List<String> keys() {
        return renditions.stream().map(size -> Pictures.key(hash, size.width())).toList();
    }
}
