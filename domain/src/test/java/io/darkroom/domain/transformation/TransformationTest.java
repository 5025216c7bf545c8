package io.darkroom.domain.transformation;

import io.darkroom.domain.cloud.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformationTest {
    @Test
    void pairs_in_any_order_name_one_transformation_in_the_sdks_order() {
        assertThat(Transformation.parse("w_150,h_100,c_fill").canonical()).isEqualTo("c_fill,h_100,w_150");
        assertThat(Transformation.parse("c_fill,h_100,w_150")).isEqualTo(Transformation.parse("h_100,w_150,c_fill"));
    }

    @Test
    void chains_keep_their_order_and_each_component_is_sorted() {
        Transformation chain = Transformation.parse("w_300,c_scale/e_sepia:50,r_max/a_90");
        assertThat(chain.canonical()).isEqualTo("c_scale,w_300/e_sepia:50,r_max/a_90");
        assertThat(chain.components()).hasSize(3);
    }

    @Test
    void info_uses_long_names_and_numbers() {
        assertThat(Transformation.parse("w_150,h_100,c_fill").info())
                .isEqualTo(List.of(Map.of("width", 150L, "height", 100L, "crop", "fill")));
        assertThat(Transformation.parse("w_0.5,q_auto:good").info().get(0)).isEqualTo(Map.of("width", 0.5, "quality", "auto:good"));
    }

    @Test
    void conditions_and_variables_come_first_as_the_sdks_write_them() {
        Transformation t = Transformation.parse("w_$w,c_fill,$w_iw_div_2,if_w_gt_1000");
        assertThat(t.canonical()).isEqualTo("if_w_gt_1000,$w_iw_div_2,c_fill,w_$w");
        assertThat(t.info().get(0)).containsEntry("if", "w_gt_1000").containsEntry("$w", "iw_div_2");
    }

    @Test
    void values_of_every_documented_shape_are_accepted() {
        for (String text : List.of("a_auto_right.hflip", "a_-45", "ar_16:9", "ar_1.5", "b_rgb:ff0000", "b_white", "b_auto:border",
                "bo_4px_solid_black", "c_lpad", "co_rgb:00ff00", "d_avatar.png", "dpr_2.0", "dpr_auto", "e_blur:300",
                "e_brightness:-20", "f_webp", "f_auto", "fl_lossy.progressive", "g_north_east", "g_face", "g_custom",
                "g_auto:subject", "h_ih_mul_0.5", "w_auto", "o_50", "q_80", "q_auto", "r_20:0:20:0", "r_max", "t_thumb.small",
                "x_10", "y_-0.2", "z_1.5", "so_2.5", "du_10p", "eo_30%", "vc_h264:baseline:3.1", "l_logo", "pg_2")) {
            assertThat(Transformation.parse(text).canonical()).as(text).isEqualTo(text);
        }
    }

    @Test
    void a_last_component_without_underscore_is_the_format_extension() {
        Transformation t = Transformation.parse("w_75,h_75,c_fill/jpg");
        assertThat(t.canonical()).isEqualTo("c_fill,h_75,w_75/jpg");
        assertThat(t.extension()).isEqualTo("jpg");
        assertThat(t.info()).hasSize(2).last().isEqualTo(Map.of("extension", "jpg"));
        assertThatThrownBy(() -> Transformation.parse("jpg/w_10")).hasMessageContaining("'jpg' is not key_value");
    }

    @Test
    void a_text_of_known_keys_looks_like_parameters_even_with_wrong_values() {
        assertThat(Transformation.looksLikeParameters("w_abc,c_fill/jpg")).isTrue();
        assertThat(Transformation.looksLikeParameters("small_fill")).isFalse();
        assertThat(Transformation.looksLikeParameters("thumb")).isFalse();
    }

    @Test
    void named_references_are_listed() {
        assertThat(Transformation.parse("t_thumb.small/w_10,t_other").namedReferences()).containsExactly("thumb", "small", "other");
    }

    @Test
    void unknown_keys_and_malformed_values_name_the_component() {
        assertThatThrownBy(() -> Transformation.parse("w_100,zz_3")).isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid transformation component 'w_100,zz_3': unknown parameter zz");
        assertThatThrownBy(() -> Transformation.parse("c_fill/w_abc")).hasMessage("Invalid transformation component 'w_abc': invalid width value abc");
        assertThatThrownBy(() -> Transformation.parse("c_squash")).hasMessageContaining("invalid crop value squash");
        assertThatThrownBy(() -> Transformation.parse("q_101")).hasMessageContaining("invalid quality value 101");
        assertThatThrownBy(() -> Transformation.parse("w_10,w_20")).hasMessageContaining("width is given twice");
        assertThatThrownBy(() -> Transformation.parse("w_10//h_10")).hasMessageContaining("a component is empty");
        assertThatThrownBy(() -> Transformation.parse("w")).hasMessageContaining("'w' is not key_value");
        assertThatThrownBy(() -> Transformation.parse(" ")).hasMessage("Missing transformation");
        assertThatThrownBy(() -> Transformation.parse("w_1,".repeat(2000))).hasMessageContaining("longer than");
    }

    @Test
    void the_parser_throws_nothing_but_invalid_value_on_100000_random_and_mutated_strings() {
        SplittableRandom random = new SplittableRandom(2026);
        List<String> seeds = List.of("c_fill,h_100,w_150", "w_300,c_scale/e_sepia:50,r_max/a_90", "if_w_gt_1000,$w_iw_div_2,w_$w",
                "b_rgb:ff0000,bo_4px_solid_black", "t_thumb.small", "q_auto:good,f_auto,fl_lossy.progressive", "ar_16:9,g_face");
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_,/:.$-!%# \u0000\u00e9\ud83d\ude00";
        int valid = 0;
        for (int i = 0; i < 100_000; i++) {
            String text;
            if (random.nextBoolean()) {
                StringBuilder mutated = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
                for (int m = random.nextInt(1, 5); m > 0; m--) {
                    int at = random.nextInt(mutated.length() + 1);
                    switch (random.nextInt(3)) {
                        case 0 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 1 -> { if (at < mutated.length()) mutated.deleteCharAt(at); }
                        default -> { if (at < mutated.length()) mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length()))); }
                    }
                }
                text = mutated.toString();
            } else {
                StringBuilder noise = new StringBuilder();
                for (int n = random.nextInt(0, 40); n > 0; n--) {
                    noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                text = noise.toString();
            }
            try {
                Transformation parsed = Transformation.parse(text);
                valid++;
                assertThat(Transformation.parse(parsed.canonical())).as(text).isEqualTo(parsed);
            } catch (InvalidValueException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(valid).as("some mutations stay valid").isGreaterThan(1000);
    }
}
