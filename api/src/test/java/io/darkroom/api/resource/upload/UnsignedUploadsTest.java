package io.darkroom.api.resource.upload;

import io.darkroom.api.web.ApiParameters;
import io.darkroom.application.preset.PresetView;
import io.darkroom.application.support.DarkroomException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The allowances of unsigned uploads: per preset, then per client address (the counting itself is tested on PostgreSQL). */
class UnsignedUploadsTest {
    private static final PresetView OPEN = new PresetView("c", "open", true, false, new TreeMap<>());
    private final List<String> counted = new ArrayList<>();

    private UnsignedUploads allowing(String exhaustedScopePrefix) {
        return new UnsignedUploads((limits, now) -> {
            counted.addAll(limits.keySet());
            return limits.keySet().stream().filter(scope -> scope.startsWith(exhaustedScopePrefix)).findFirst();
        }, Clock.systemUTC(), 10, 5);
    }

    private static ApiParameters file() {
        return ApiParameters.of(Map.of("file", List.of("data:..."), "upload_preset", List.of("open")));
    }

    @Test
    void an_upload_within_both_allowances_is_counted_against_each() {
        allowing("none").check(OPEN, file());
        assertThat(counted).containsExactly("preset|c|open", "address|c|unknown");
    }

    @Test
    void past_the_presets_allowance_it_is_a_420() {
        assertThatThrownBy(() -> allowing("preset").check(OPEN, file()))
                .isInstanceOf(DarkroomException.class)
                .hasMessage("Rate Limit Exceeded. Limit of 10 unsigned uploads per hour through upload preset open reached")
                .extracting(e -> ((DarkroomException) e).kind()).isEqualTo(DarkroomException.Kind.RATE_LIMITED);
    }

    @Test
    void past_the_addresss_allowance_it_is_a_420() {
        assertThatThrownBy(() -> allowing("address").check(OPEN, file()))
                .hasMessage("Rate Limit Exceeded. Limit of 5 unsigned uploads per hour from one address reached");
    }

    @Test
    void a_refused_parameter_is_refused_before_anything_is_counted() {
        assertThatThrownBy(() -> allowing("none").check(OPEN, ApiParameters.of(Map.of("file", List.of("x"), "eager", List.of("w_1")))))
                .hasMessage("Unsigned uploads may not set eager: set them on the upload preset open, or sign the upload");
        assertThat(counted).isEmpty();
    }
}
