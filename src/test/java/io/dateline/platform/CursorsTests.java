package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTests {

    private final Cursors cursors = new Cursors(new CursorProperties("a-test-secret-that-is-long-enough-0123"));

    @Test
    void roundTripsAPosition() {
        String cursor = cursors.encode("topic=world", List.of("2024-05-01T10:00:00Z", "42"));

        assertThat(cursors.decode(cursor, "topic=world")).containsExactly("2024-05-01T10:00:00Z", "42");
        assertThat(cursor).doesNotContain("world");
    }

    @Test
    void refusesACursorOfAnotherQuery() {
        String cursor = cursors.encode("topic=world", List.of("2024-05-01T10:00:00Z", "42"));

        assertThatThrownBy(() -> cursors.decode(cursor, "topic=sports"))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("different query");
    }

    @Test
    void refusesATamperedPosition() {
        String cursor = cursors.encode("q", List.of("2024-05-01T10:00:00Z", "42"));
        String payload = new String(java.util.Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))));
        String forgedPayload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("|42", "|41").getBytes());

        assertThatThrownBy(() -> cursors.decode(forgedPayload + cursor.substring(cursor.indexOf('.')), "q"))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("not one this service issued");
    }

    @Test
    void refusesACursorSignedWithAnotherKey() {
        Cursors other = new Cursors(new CursorProperties("another-secret-that-is-long-enough-456"));

        String cursor = other.encode("q", List.of("1"));

        assertThatThrownBy(() -> cursors.decode(cursor, "q")).isInstanceOf(InvalidCursorException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "abc.def", "!!!.???", "%00", "a.b.c", "..", "eyJ9.", "bm9wZQ.bm9wZQ"})
    void refusesGarbage(String garbage) {
        assertThatThrownBy(() -> cursors.decode(garbage, "q")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void refusesAnOverlongCursor() {
        assertThatThrownBy(() -> cursors.decode("a".repeat(10_000), "q")).isInstanceOf(InvalidCursorException.class);
    }
}
