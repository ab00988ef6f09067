package io.dateline.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ImageRepository {

    private static final String COLUMNS = "id, hash, source_type, width, height, byte_size, caption, credit, alt,"
            + " renditions, created_at, updated_at, version";

    private static final TypeReference<List<Pictures.Size>> SIZES = new TypeReference<>() {};

    private final JdbcClient jdbc;

    private final JsonMapper json;

    ImageRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The new image's id; empty when an image with the same content exists already. */
    Optional<Long> insert(
            String hash,
            ImageType type,
            int width,
            int height,
            long byteSize,
            String caption,
            String credit,
            String alt,
            List<Pictures.Size> renditions,
            Instant now) {
        return jdbc.sql("""
                        insert into image (hash, source_type, width, height, byte_size, caption, credit, alt,
                                           renditions, created_at, updated_at, version)
                        values (:hash, :type, :width, :height, :size, :caption, :credit, :alt,
                                cast(:renditions as jsonb), :now, :now, 1)
                        on conflict (hash) do nothing
                        returning id
                        """)
                .param("hash", hash)
                .param("type", type.mediaType)
                .param("width", width)
                .param("height", height)
                .param("size", byteSize)
                .param("caption", caption)
                .param("credit", credit)
                .param("alt", alt)
                .param("renditions", json.writeValueAsString(renditions))
                .param("now", utc(now))
                .query(Long.class)
                .optional();
    }

    Optional<ImageRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from image where id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    Optional<ImageRow> findByHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from image where hash = :hash")
                .param("hash", hash)
                .query(this::row)
                .optional();
    }

    /** Locks the row against a concurrent delete until the caller's transaction ends. */
    Optional<ImageRow> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from image where id = :id for update")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /**
     * Those of {@code ids} that exist, each held with a share lock until the caller's transaction
     * ends, so that an image an article is being saved with cannot be deleted under it.
     */
    List<Long> holdExisting(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from image where id in (:ids) for share")
                .param("ids", ids)
                .query(Long.class)
                .list();
    }

    /** Newest first, after the position of the previous page's last image. */
    List<ImageRow> page(Instant afterCreatedAt, Long afterId, int limit) {
        String after = afterId == null ? "" : " where (created_at, id) < (:afterAt, :afterId)";
        var spec = jdbc.sql(
                        "select " + COLUMNS + " from image" + after + " order by created_at desc, id desc limit :limit")
                .param("limit", limit);
        if (afterId != null) {
            spec = spec.param("afterAt", utc(afterCreatedAt)).param("afterId", afterId);
        }
        return spec.query(this::row).list();
    }

    boolean updateMetadata(long id, String caption, String credit, String alt, Instant now) {
        return jdbc.sql("""
                        update image set caption = :caption, credit = :credit, alt = :alt,
                                         updated_at = :now, version = version + 1
                         where id = :id
                        """)
                        .param("id", id)
                        .param("caption", caption)
                        .param("credit", credit)
                        .param("alt", alt)
                        .param("now", utc(now))
                        .update()
                > 0;
    }

    void delete(long id) {
        jdbc.sql("delete from image where id = :id").param("id", id).update();
    }

    private ImageRow row(ResultSet rs, int n) throws SQLException {
        return new ImageRow(
                rs.getLong("id"),
                rs.getString("hash"),
                rs.getString("source_type"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getLong("byte_size"),
                rs.getString("caption"),
                rs.getString("credit"),
                rs.getString("alt"),
                json.readValue(rs.getString("renditions"), SIZES),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
