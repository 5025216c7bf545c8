package io.darkroom.domain.resource;

import io.darkroom.domain.cloud.CloudName;
import io.darkroom.domain.cloud.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {
    @Test
    void publicIdAcceptsFoldersAndRejectsUrlBreakingNames() {
        assertThat(PublicId.of("a/b/c.d").toString()).isEqualTo("a/b/c.d");
        for (String bad : List.of("", " ", "a//b", "/a", "a/", "a/../b", "a?b", "a#b", "a%20b", "x".repeat(256), "a\nb")) {
            assertThatThrownBy(() -> PublicId.of(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
        assertThat(PublicId.of("x".repeat(255)).value()).hasSize(255);
    }

    @Test
    void assetIdIsThirtyTwoLowercaseHex() {
        assertThat(AssetId.of("0123456789abcdef0123456789abcdef").value()).hasSize(32);
        assertThatThrownBy(() -> AssetId.of("0123456789ABCDEF0123456789ABCDEF")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> AssetId.of("abc")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void cloudNamesAreLowercaseWords() {
        assertThat(CloudName.of("my-cloud_1").value()).isEqualTo("my-cloud_1");
        assertThatThrownBy(() -> CloudName.of("My Cloud")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void labelsDropBlankAndRepeatedTagsAndEnforceLimits() {
        assertThat(new Labels(List.of(" a", "b", "a", ""), Map.of()).tags()).containsExactly("a", "b");
        assertThatThrownBy(() -> new Labels(List.of("t".repeat(256)), Map.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Labels(Collections.nCopies(1001, "x").stream().map(s -> s + Math.random()).toList(), Map.of()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Labels(List.of(), Map.of("k", "v".repeat(1025)))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void wireNamesRoundTrip() {
        assertThat(ResourceType.fromWire("raw")).isEqualTo(ResourceType.RAW);
        assertThat(DeliveryType.fromWire("authenticated").wireName()).isEqualTo("authenticated");
        assertThatThrownBy(() -> ResourceType.fromWire("pdf")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> DeliveryType.fromWire("facebook")).isInstanceOf(InvalidValueException.class);
    }
}
