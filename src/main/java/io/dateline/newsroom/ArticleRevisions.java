package io.dateline.newsroom;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only revision log: a jsonb snapshot per version. */
@Repository
class ArticleRevisions {

    private final JdbcClient jdbc;

    ArticleRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long articleId, long version, String action, String editor, Instant at, String snapshotJson) {
        jdbc.sql("""
                        insert into article_revision (article_id, version, action, editor, created_at, snapshot)
                        values (:id, :version, :action, :editor, :at, cast(:snapshot as jsonb))
                        """)
                .param("id", articleId)
                .param("version", version)
                .param("action", action)
                .param("editor", editor)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("snapshot", snapshotJson)
                .update();
    }

    List<RevisionSummary> list(long articleId) {
        return jdbc.sql("""
                        select version, action, editor, created_at from article_revision
                         where article_id = :id order by version desc
                        """)
                .param("id", articleId)
                .query((rs, n) -> new RevisionSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    Optional<StoredRevision> find(long articleId, long version) {
        return jdbc.sql("""
                        select version, action, editor, created_at, snapshot::text from article_revision
                         where article_id = :id and version = :version
                        """)
                .param("id", articleId)
                .param("version", version)
                .query((rs, n) -> new StoredRevision(
                        new RevisionSummary(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant()),
                        rs.getString(5)))
                .optional();
    }

    record StoredRevision(RevisionSummary summary, String snapshotJson) {}
}
