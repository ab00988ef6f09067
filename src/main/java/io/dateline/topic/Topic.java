package io.dateline.topic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "topic")
class Topic {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String name;

    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Topic parent;

    private int position;

    private Instant createdAt;

    private Instant updatedAt;

    protected Topic() {}

    Topic(String slug, String name, String description, Topic parent, int position, Instant now) {
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.parent = parent;
        this.position = position;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(String name, String description, int position, Instant now) {
        this.name = name;
        this.description = description;
        this.position = position;
        this.updatedAt = now;
    }

    /** Moves the topic under {@code newParent}, refusing to make it its own ancestor. */
    void moveUnder(Topic newParent, Instant now) {
        // accessors, not fields: ancestors may be lazy proxies
        for (Topic ancestor = newParent; ancestor != null; ancestor = ancestor.parent()) {
            if (ancestor == this || (id != null && id.equals(ancestor.id()))) {
                throw new TopicCycleException(slug, newParent.slug());
            }
        }
        this.parent = newParent;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    Topic parent() {
        return parent;
    }

    int position() {
        return position;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    TopicRef ref() {
        return new TopicRef(id, slug, name);
    }
}
