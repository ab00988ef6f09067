package io.dateline.reader;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What one caller wants in their feed. Followed and muted topics never overlap. */
@Entity
@Table(name = "reader_preferences")
class ReaderPreferences {

    @Id
    private String owner;

    private boolean filterEnabled;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(2)[]")
    private String[] languages;

    @ElementCollection
    @CollectionTable(name = "reader_followed_topic", joinColumns = @JoinColumn(name = "owner"))
    @Column(name = "topic_id")
    private Set<Long> followedTopicIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "reader_muted_topic", joinColumns = @JoinColumn(name = "owner"))
    @Column(name = "topic_id")
    private Set<Long> mutedTopicIds = new LinkedHashSet<>();

    private Instant updatedAt;

    protected ReaderPreferences() {}

    void change(boolean filterEnabled, Set<Long> followed, Set<Long> muted, Set<String> languages, Instant at) {
        Set<Long> overlap = new LinkedHashSet<>(followed);
        overlap.retainAll(muted);
        if (!overlap.isEmpty()) {
            throw new ConflictingPreferencesException();
        }
        this.filterEnabled = filterEnabled;
        this.followedTopicIds.clear();
        this.followedTopicIds.addAll(followed);
        this.mutedTopicIds.clear();
        this.mutedTopicIds.addAll(muted);
        this.languages = languages.toArray(String[]::new);
        this.updatedAt = at;
    }

    FeedPreferences toFeedPreferences() {
        return new FeedPreferences(
                filterEnabled, Set.copyOf(followedTopicIds), Set.copyOf(mutedTopicIds), Set.of(languages));
    }
}
