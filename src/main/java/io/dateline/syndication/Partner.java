package io.dateline.syndication;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A news partner whose headlines appear in the "Partner News" block, typed in or imported. */
@Entity
@Table(name = "partner")
class Partner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String homepage;

    private String feedUrl;

    private Long topicId;

    private Instant lastImportAt;

    private String lastImportStatus;

    private String lastImportError;

    private Integer lastImportAdded;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected Partner() {}

    Partner(String name, String homepage, String feedUrl, Long topicId, Instant now) {
        describe(name, homepage, feedUrl, topicId, now);
        this.createdAt = now;
    }

    void describe(String name, String homepage, String feedUrl, Long topicId, Instant now) {
        this.name = name;
        this.homepage = homepage;
        this.feedUrl = feedUrl;
        this.topicId = topicId;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String homepage() {
        return homepage;
    }

    String feedUrl() {
        return feedUrl;
    }

    Long topicId() {
        return topicId;
    }

    Instant lastImportAt() {
        return lastImportAt;
    }

    String lastImportStatus() {
        return lastImportStatus;
    }

    String lastImportError() {
        return lastImportError;
    }

    Integer lastImportAdded() {
        return lastImportAdded;
    }

    long version() {
        return version;
    }
}
