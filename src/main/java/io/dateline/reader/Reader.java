package io.dateline.reader;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "reader")
class Reader {

    @Id
    private UUID id;

    private Instant createdAt;

    protected Reader() {}

    Reader(Instant createdAt) {
        this.id = UUID.randomUUID();
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }
}
