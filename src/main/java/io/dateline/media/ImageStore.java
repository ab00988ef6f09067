package io.dateline.media;

import java.util.Optional;

/**
 * Where renditions are kept, by key ({@code {hash}-{width}.jpg}). Keys name immutable content: a
 * put of an existing key writes the same bytes again.
 */
public interface ImageStore {

    void put(String key, byte[] content);

    Optional<byte[]> get(String key);

    void delete(String key);
}
