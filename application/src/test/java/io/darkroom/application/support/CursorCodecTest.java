package io.darkroom.application.support;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {
    private final CursorCodec codec = new CursorCodec("k".repeat(32).getBytes());

    @Test
    void round_trips_values_within_their_scope() {
        String cursor = codec.encode("scope-a", List.of("1700000000000000", "0123456789abcdef0123456789abcdef"));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode("scope-a", cursor, 2)).containsExactly("1700000000000000", "0123456789abcdef0123456789abcdef");
    }

    @Test
    void refuses_another_scope_a_changed_byte_another_key_and_garbage() {
        String cursor = codec.encode("scope-a", List.of("folder/x", "id"));
        assertThatThrownBy(() -> codec.decode("scope-b", cursor, 2)).isInstanceOf(DarkroomException.class)
                .hasMessage("Invalid next_cursor");
        char[] chars = cursor.toCharArray();
        chars[2] = chars[2] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> codec.decode("scope-a", new String(chars), 2)).isInstanceOf(DarkroomException.class);
        assertThatThrownBy(() -> new CursorCodec("x".repeat(32).getBytes()).decode("scope-a", cursor, 2))
                .isInstanceOf(DarkroomException.class);
        assertThatThrownBy(() -> codec.decode("scope-a", "%%%", 2)).isInstanceOf(DarkroomException.class);
        assertThatThrownBy(() -> codec.decode("scope-a", "", 2)).isInstanceOf(DarkroomException.class);
        assertThatThrownBy(() -> codec.decode("scope-a", cursor, 3)).isInstanceOf(DarkroomException.class);
    }
}
