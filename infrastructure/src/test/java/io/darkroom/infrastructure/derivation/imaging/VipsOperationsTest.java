package io.darkroom.infrastructure.derivation.imaging;

import io.darkroom.application.derivation.Coordinates;
import io.darkroom.application.derivation.DerivationPlan;
import io.darkroom.application.derivation.DerivedImage;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.transformation.Transformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every crop mode, size form, angle, corner, border, background and effect through libvips on real
 * bytes, each result decoded and its pixels checked. The picture: 1200 x 800, left half red, right
 * half blue, the top 100 rows of the left half green.
 */
class VipsOperationsTest {
    private static VipsImageDeriver deriver;
    private static byte[] jpeg;
    private static byte[] png;

    @BeforeAll
    static void load() throws Exception {
        deriver = VipsImageDeriver.load(Duration.ofSeconds(30));
        assertThat(deriver.unavailableReason()).as("libvips42 must be installed for these tests").isEmpty();
        BufferedImage image = TestPicture.halves();
        jpeg = TestPicture.encode(image, "jpg");
        png = TestPicture.encode(image, "png");
    }

    private static DerivedImage derive(byte[] original, String originalFormat, String transformation, Coordinates coordinates) {
        DerivationPlan plan = DerivationPlan.of(Transformation.parse(transformation));
        return deriver.derive(original, plan, plan.outputFormat(originalFormat, null), coordinates);
    }

    private static BufferedImage png(String transformation) throws Exception {
        return decode(derive(png, "png", transformation, Coordinates.NONE));
    }

    private static BufferedImage jpg(String transformation) throws Exception {
        return decode(derive(jpeg, "jpg", transformation, Coordinates.NONE));
    }

    private static BufferedImage decode(DerivedImage derived) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(derived.bytes()));
        assertThat(new int[] {image.getWidth(), image.getHeight()}).as("recorded size").containsExactly(derived.width(), derived.height());
        return image;
    }

    private static int[] size(BufferedImage image) {
        return new int[] {image.getWidth(), image.getHeight()};
    }

    private static Color at(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y), true);
    }

    private static boolean isRed(Color c) {
        return c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60;
    }

    private static boolean isBlue(Color c) {
        return c.getBlue() > 200 && c.getRed() < 60 && c.getGreen() < 60;
    }

    private static boolean isGreen(Color c) {
        return c.getGreen() > 200 && c.getRed() < 60 && c.getBlue() < 60;
    }

    @Test
    void pad_fits_the_image_in_the_box_and_fills_the_rest_with_the_background() throws Exception {
        BufferedImage padded = png("b_black,c_pad,h_300,w_300");
        assertThat(size(padded)).containsExactly(300, 300);
        // 300 x 200 in the middle: 50 rows of background above and below
        assertThat(at(padded, 150, 20).getRed()).isLessThan(20);
        assertThat(isRed(at(padded, 10, 150))).isTrue();
        BufferedImage north = png("b_rgb:00ff00,c_pad,g_north,h_300,w_300");
        assertThat(isGreen(at(north, 250, 280))).as("padding at the bottom").isTrue();
        assertThat(isBlue(at(north, 250, 150))).isTrue();
    }

    @Test
    void lpad_and_mpad_pad_without_enlarging() throws Exception {
        BufferedImage lpad = jpg("c_lpad,h_1000,w_1400");
        assertThat(size(lpad)).containsExactly(1400, 1000);
        assertThat(at(lpad, 50, 500).getRed()).as("white padding at the left").isGreaterThan(240);
        assertThat(at(lpad, 50, 500).getBlue()).isGreaterThan(240);
        assertThat(isRed(at(lpad, 150, 500))).isTrue();
        assertThat(size(jpg("c_lpad,h_300,w_300"))).containsExactly(300, 300);
        assertThat(size(jpg("c_mpad,h_900,w_1300"))).containsExactly(1300, 900);
        assertThat(size(jpg("c_mpad,h_100,w_100"))).as("never shrinks").containsExactly(1200, 800);
    }

    @Test
    void mfit_only_enlarges_and_lfill_only_shrinks() throws Exception {
        assertThat(size(jpg("c_mfit,h_2400,w_2400"))).containsExactly(2400, 1600);
        assertThat(size(jpg("c_mfit,h_300,w_300"))).containsExactly(1200, 800);
        assertThat(size(jpg("c_lfill,h_1200,w_2400"))).as("the box's 2:1 shape, not enlarged").containsExactly(1200, 600);
        assertThat(size(jpg("c_lfill,h_100,w_100"))).containsExactly(100, 100);
    }

    @Test
    void sizes_as_shares_expressions_aspect_ratios_and_dpr() throws Exception {
        assertThat(size(jpg("w_0.5"))).containsExactly(600, 400);
        assertThat(size(jpg("w_iw_div_4"))).containsExactly(300, 200);
        assertThat(size(jpg("h_ih_mul_0.25"))).containsExactly(300, 200);
        assertThat(size(jpg("ar_1:1,c_fill,w_200"))).containsExactly(200, 200);
        assertThat(size(jpg("ar_1.0,c_crop"))).containsExactly(800, 800);
        assertThat(size(jpg("dpr_2.0,w_100"))).containsExactly(200, 133);
        assertThatThrownBy(() -> jpg("w_iw_mul_20")).isInstanceOf(DarkroomException.class).hasMessageContaining("between 1 and 10000");
        assertThatThrownBy(() -> jpg("c_scale,h_9000,w_9000")).isInstanceOf(DarkroomException.class).hasMessageContaining("more than 50000000 pixels");
    }

    @Test
    void crop_at_x_and_y_takes_the_region_at_those_coordinates() throws Exception {
        BufferedImage right = png("c_crop,h_100,w_100,x_700,y_300");
        assertThat(size(right)).containsExactly(100, 100);
        assertThat(isBlue(at(right, 50, 50))).isTrue();
        BufferedImage green = png("c_crop,g_north_west,h_50,w_50,x_10,y_10");
        assertThat(isGreen(at(green, 25, 25))).isTrue();
    }

    @Test
    void angles_turn_flip_and_rotate_with_transparent_corners() throws Exception {
        BufferedImage turned = png("a_90");
        assertThat(size(turned)).containsExactly(800, 1200);
        assertThat(isGreen(at(turned, 790, 10))).as("the top-left corner went to the top right").isTrue();
        BufferedImage flipped = png("a_hflip");
        assertThat(isBlue(at(flipped, 10, 400))).isTrue();
        BufferedImage tilted = png("a_45");
        assertThat(tilted.getWidth()).isBetween(1412, 1416);
        assertThat(at(tilted, 2, 2).getAlpha()).isZero();
        assertThat(at(tilted, tilted.getWidth() / 2, tilted.getHeight() / 2).getAlpha()).isEqualTo(255);
        BufferedImage auto = png("a_auto_right,c_fill,h_1200,w_800");
        assertThat(size(auto)).containsExactly(800, 1200);
        assertThat(isGreen(at(auto, 790, 10))).as("turned instead of cropped").isTrue();
    }

    @Test
    void rounded_corners_are_transparent_in_png_and_background_in_jpg() throws Exception {
        BufferedImage rounded = png("r_100,w_600");
        assertThat(at(rounded, 3, 3).getAlpha()).isZero();
        assertThat(at(rounded, 300, 200).getAlpha()).isEqualTo(255);
        assertThat(at(rounded, 100, 3).getAlpha()).as("beyond the corner").isEqualTo(255);
        BufferedImage ellipse = png("r_max");
        assertThat(at(ellipse, 100, 100).getAlpha()).isZero();
        assertThat(at(ellipse, 600, 5).getAlpha()).isEqualTo(255);
        BufferedImage jpgCorners = jpg("b_black,r_100,w_600");
        assertThat(at(jpgCorners, 3, 3).getRed()).isLessThan(30);
        assertThat(jpg("r_100,w_600").getRGB(3, 3) & 0xffffff).as("white by default").isGreaterThan(0xf0f0f0);
    }

    @Test
    void border_surrounds_the_image() throws Exception {
        BufferedImage bordered = png("bo_10px_solid_rgb:00ff00,w_100");
        assertThat(size(bordered)).containsExactly(120, 87);
        assertThat(isGreen(at(bordered, 3, 40))).isTrue();
        assertThat(isRed(at(bordered, 20, 60))).isTrue();
    }

    @Test
    void colour_effects_change_the_pixels_as_named() throws Exception {
        Color grey = at(png("e_grayscale"), 300, 400);
        assertThat(Math.abs(grey.getRed() - grey.getGreen()) + Math.abs(grey.getGreen() - grey.getBlue())).isLessThan(4);
        Color negated = at(png("e_negate"), 300, 400);
        assertThat(new int[] {negated.getRed(), negated.getGreen(), negated.getBlue()}).containsExactly(0, 255, 255);
        Color sepia = at(png("e_sepia:100"), 900, 400);
        assertThat(sepia.getRed()).isGreaterThan(sepia.getGreen());
        assertThat(sepia.getGreen()).isGreaterThan(sepia.getBlue());
        assertThat(at(png("e_brightness:50"), 900, 400).getRed()).isGreaterThan(100);
        Color desaturated = at(png("e_saturation:-100"), 300, 400);
        assertThat(Math.abs(desaturated.getRed() - desaturated.getBlue())).isLessThan(30);
        Color flat = at(png("e_contrast:-100"), 300, 400);
        assertThat(flat.getRed()).isBetween(110, 145);
    }

    @Test
    void blur_sharpen_and_pixelate_act_on_neighbourhoods() throws Exception {
        Color edge = at(png("e_blur:400"), 600, 400);
        assertThat(edge.getRed()).isBetween(60, 200);
        assertThat(edge.getBlue()).isBetween(60, 200);
        assertThat(derive(png, "png", "e_sharpen", Coordinates.NONE).bytes()).isNotEqualTo(derive(png, "png", "w_1200", Coordinates.NONE).bytes());
        BufferedImage gradient = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 100; y++) {
                gradient.setRGB(x, y, new Color(x * 2, y * 2, 0).getRGB());
            }
        }
        DerivationPlan plan = DerivationPlan.of(Transformation.parse("e_pixelate:20"));
        BufferedImage blocks = decode(deriver.derive(TestPicture.encode(gradient, "png"), plan, "png", Coordinates.NONE));
        assertThat(size(blocks)).containsExactly(100, 100);
        assertThat(blocks.getRGB(1, 1)).isEqualTo(blocks.getRGB(19, 19));
        assertThat(blocks.getRGB(1, 1)).isNotEqualTo(blocks.getRGB(21, 1));
    }

    @Test
    void chained_components_apply_in_order() throws Exception {
        BufferedImage left = png("c_crop,g_west,h_800,w_600/w_100");
        assertThat(size(left)).containsExactly(100, 133);
        assertThat(isRed(at(left, 50, 100))).isTrue();
        assertThat(isGreen(at(left, 50, 5))).isTrue();
        BufferedImage bordered = png("w_100/bo_5px_solid_black/a_90");
        assertThat(size(bordered)).containsExactly(77, 110);
    }

    @Test
    void face_and_custom_gravity_use_the_stored_coordinates() throws Exception {
        Coordinates coordinates = Coordinates.of(List.of(List.of(1000, 600, 60, 60)), List.of(List.of(20, 20, 100, 50)));
        BufferedImage face = decode(derive(png, "png", "c_crop,g_face,h_100,w_100", coordinates));
        assertThat(isBlue(at(face, 50, 50))).isTrue();
        BufferedImage custom = decode(derive(png, "png", "c_crop,g_custom", coordinates));
        assertThat(size(custom)).containsExactly(100, 50);
        assertThat(isGreen(at(custom, 50, 25))).isTrue();
        BufferedImage thumb = decode(derive(png, "png", "c_thumb,g_face,h_50,w_50", coordinates));
        assertThat(size(thumb)).containsExactly(50, 50);
        assertThat(isBlue(at(thumb, 25, 25))).isTrue();
        BufferedImage noFaces = decode(derive(png, "png", "c_crop,g_face,h_100,w_100", Coordinates.NONE));
        assertThat(isRed(at(noFaces, 10, 50))).as("the centre without faces").isTrue();
        assertThat(isBlue(at(noFaces, 90, 50))).isTrue();
        assertThat(size(decode(derive(jpeg, "jpg", "c_fill,g_auto,h_100,w_100", Coordinates.NONE)))).containsExactly(100, 100);
    }

    @Test
    void formats_auto_quality_and_avif_are_encoded() throws Exception {
        DerivedImage low = derive(jpeg, "jpg", "q_auto:low,w_600", Coordinates.NONE);
        DerivedImage best = derive(jpeg, "jpg", "q_auto:best,w_600", Coordinates.NONE);
        assertThat(low.bytes().length).isLessThan(best.bytes().length);
        DerivationPlan auto = DerivationPlan.of(Transformation.parse("f_auto,w_100"));
        assertThat(auto.outputFormat("jpg", "image/avif,image/webp,*/*")).isEqualTo("avif");
        assertThat(auto.outputFormat("jpg", "image/webp,*/*")).isEqualTo("webp");
        assertThat(auto.outputFormat("png", "*/*")).isEqualTo("png");
        DerivedImage avif = deriver.derive(jpeg, auto, "avif", Coordinates.NONE);
        assertThat(new String(Arrays.copyOfRange(avif.bytes(), 4, 12), StandardCharsets.US_ASCII)).isEqualTo("ftypavif");
        assertThat(avif.width()).isEqualTo(100);
    }

    @Test
    void a_derivation_past_the_time_bound_is_stopped_with_a_clear_error() {
        VipsImageDeriver hurried = VipsImageDeriver.load(Duration.ofMillis(1));
        DerivationPlan plan = DerivationPlan.of(Transformation.parse("e_blur:2000/e_blur:2000/e_sharpen:2000"));
        assertThatThrownBy(() -> hurried.derive(png, plan, "png", Coordinates.NONE))
                .isInstanceOf(DarkroomException.class).hasMessageContaining("longer than");
    }
}
