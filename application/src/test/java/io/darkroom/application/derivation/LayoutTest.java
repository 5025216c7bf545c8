package io.darkroom.application.derivation;

import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.transformation.Transformation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The geometry of each crop mode as operations, for a 1200 x 800 input, without an imaging engine. */
class LayoutTest {
    private static List<Layout.Op> ops(String component) {
        return ops(component, null);
    }

    private static List<Layout.Op> ops(String component, Region focus) {
        Step step = DerivationPlan.of(Transformation.parse(component)).steps().get(0);
        return Layout.of(step, 1200, 800, focus);
    }

    @Test
    void fill_covers_then_cuts_at_the_gravity() {
        assertThat(ops("c_fill,h_300,w_300")).containsExactly(new Layout.Resize(450, 300), new Layout.Extract(75, 0, 300, 300));
        assertThat(ops("c_fill,g_east,h_300,w_300")).containsExactly(new Layout.Resize(450, 300), new Layout.Extract(150, 0, 300, 300));
        assertThat(ops("c_fill,g_auto,h_300,w_300")).containsExactly(new Layout.Resize(450, 300), new Layout.SmartCrop(300, 300));
    }

    @Test
    void fit_limit_mfit_and_scale() {
        assertThat(ops("c_fit,h_300,w_300")).containsExactly(new Layout.Resize(300, 200));
        assertThat(ops("c_limit,w_2000")).isEmpty();
        assertThat(ops("c_mfit,w_2400")).containsExactly(new Layout.Resize(2400, 1600));
        assertThat(ops("c_mfit,w_600")).isEmpty();
        assertThat(ops("h_100")).containsExactly(new Layout.Resize(150, 100));
        assertThat(ops("c_scale,h_10,w_10")).containsExactly(new Layout.Resize(10, 10));
    }

    @Test
    void pads_place_the_picture_on_a_canvas() {
        assertThat(ops("c_pad,h_300,w_300")).containsExactly(new Layout.Resize(300, 200), new Layout.Embed(0, 50, 300, 300));
        assertThat(ops("c_pad,g_south,h_300,w_300")).containsExactly(new Layout.Resize(300, 200), new Layout.Embed(0, 100, 300, 300));
        assertThat(ops("c_lpad,h_1000,w_1000")).containsExactly(new Layout.Resize(1000, 667), new Layout.Embed(0, 166, 1000, 1000));
        assertThat(ops("c_lpad,h_1000,w_1400")).as("never enlarged").containsExactly(new Layout.Embed(100, 100, 1400, 1000));
        assertThat(ops("c_mpad,h_100,w_1300")).containsExactly(new Layout.Embed(50, 0, 1300, 800));
    }

    @Test
    void crops_take_regions_at_coordinates_gravities_and_focus() {
        assertThat(ops("c_crop,h_100,w_100,x_700,y_300")).containsExactly(new Layout.Extract(700, 300, 100, 100));
        assertThat(ops("c_crop,g_south_east,h_100,w_100,x_10,y_20")).containsExactly(new Layout.Extract(1090, 680, 100, 100));
        assertThat(ops("c_crop,h_100,w_100,x_1190")).as("clamped inside").containsExactly(new Layout.Extract(1100, 350, 100, 100));
        assertThat(ops("c_crop,g_face,h_100,w_100", new Region(1000, 600, 60, 60))).containsExactly(new Layout.Extract(980, 580, 100, 100));
        assertThat(ops("c_crop,g_custom", new Region(10, 20, 30, 40))).containsExactly(new Layout.Extract(10, 20, 30, 40));
        assertThat(ops("ar_1:1,c_crop")).containsExactly(new Layout.Extract(200, 0, 800, 800));
    }

    @Test
    void shares_expressions_dpr_and_turns() {
        assertThat(ops("w_0.25")).containsExactly(new Layout.Resize(300, 200));
        assertThat(ops("w_iw_sub_200_div_2")).containsExactly(new Layout.Resize(500, 333));
        assertThat(ops("dpr_1.5,w_100")).containsExactly(new Layout.Resize(150, 100));
        assertThat(ops("a_auto_left,c_fill,h_600,w_400")).startsWith(new Layout.Turn(false));
        assertThat(ops("a_auto_left,c_fill,h_400,w_600")).doesNotHaveAnyElementsOfTypes(Layout.Turn.class);
        assertThatThrownBy(() -> ops("w_iw_div_0")).isInstanceOf(DarkroomException.class).hasMessageContaining("nothing");
    }

    @Test
    void regions_follow_the_operations() {
        Region face = new Region(100, 100, 50, 50);
        assertThat(new Layout.Resize(600, 400).map(face, 1200, 800)).isEqualTo(new Region(50, 50, 25, 25));
        assertThat(new Layout.Extract(10, 20, 100, 100).map(face, 1200, 800)).isEqualTo(new Region(90, 80, 50, 50));
        assertThat(new Layout.Turn(true).map(face, 1200, 800)).isEqualTo(new Region(650, 100, 50, 50));
        assertThat(new Layout.SmartCrop(10, 10).map(face, 1200, 800)).isNull();
    }
}
