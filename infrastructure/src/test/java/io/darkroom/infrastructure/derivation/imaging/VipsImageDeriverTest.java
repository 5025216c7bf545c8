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
import java.util.Arrays;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real bytes through libvips (CI installs Debian's libvips42): sizes, crops at a gravity, formats, bad input. */
class VipsImageDeriverTest {
    private static VipsImageDeriver deriver;
    /** 1200 x 800: the left half red, the right half blue; the top 100 rows of the left half green. */
    private static byte[] jpeg;
    private static byte[] png;

    @BeforeAll
    static void load() throws Exception {
        deriver = VipsImageDeriver.load(java.time.Duration.ofSeconds(30));
        assertThat(deriver.unavailableReason()).as("libvips42 must be installed for these tests").isEmpty();
        BufferedImage image = TestPicture.halves();
        jpeg = TestPicture.encode(image, "jpg");
        png = TestPicture.encode(image, "png");
    }

    static DerivedImage derive(byte[] original, String transformation) {
        DerivationPlan plan = DerivationPlan.of(Transformation.parse(transformation));
        return deriver.derive(original, plan, plan.outputFormat("jpg", null), Coordinates.NONE);
    }

    private static BufferedImage decoded(DerivedImage derived) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(derived.bytes()));
    }

    @Test
    void fill_covers_the_box_and_cuts_the_rest_at_the_centre() throws Exception {
        DerivedImage derived = derive(jpeg, "c_fill,w_300,h_300");
        BufferedImage image = decoded(derived);
        assertThat(new int[] {derived.width(), derived.height(), image.getWidth(), image.getHeight()}).containsExactly(300, 300, 300, 300);
        assertThat(derived.format()).isEqualTo("jpg");
        // the 800-high picture scaled to 300 high is 450 wide; its centre 300 columns span red and blue
        assertThat(new Color(image.getRGB(10, 150)).getRed()).isGreaterThan(200);
        assertThat(new Color(image.getRGB(290, 150)).getBlue()).isGreaterThan(200);
    }

    @Test
    void fill_at_north_west_keeps_the_top_left_corner() throws Exception {
        BufferedImage image = decoded(derive(png, "c_fill,g_north_west,w_200,h_100"));
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(new Color(image.getRGB(5, 5)).getGreen()).isGreaterThan(200);
    }

    @Test
    void fit_limit_and_scale_keep_or_force_the_aspect_ratio() throws Exception {
        DerivedImage fit = derive(jpeg, "c_fit,w_300,h_300");
        assertThat(new int[] {fit.width(), fit.height()}).containsExactly(300, 200);
        DerivedImage limit = derive(jpeg, "c_limit,w_5000");
        assertThat(new int[] {limit.width(), limit.height()}).containsExactly(1200, 800);
        DerivedImage scale = derive(jpeg, "w_600");
        assertThat(new int[] {scale.width(), scale.height()}).containsExactly(600, 400);
        DerivedImage forced = derive(jpeg, "c_scale,w_100,h_100");
        assertThat(new int[] {forced.width(), forced.height()}).containsExactly(100, 100);
    }

    @Test
    void crop_cuts_without_scaling_at_the_gravity() throws Exception {
        BufferedImage image = decoded(derive(png, "c_crop,g_south_east,w_100,h_50"));
        assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(100, 50);
        assertThat(new Color(image.getRGB(50, 25)).getBlue()).isGreaterThan(200);
    }

    @Test
    void formats_and_quality_are_encoded_as_asked() throws Exception {
        DerivedImage webp = derive(jpeg, "w_200,f_webp");
        assertThat(new String(Arrays.copyOfRange(webp.bytes(), 8, 12), StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        DerivedImage asPng = derive(jpeg, "w_200/png");
        assertThat(Arrays.copyOfRange(asPng.bytes(), 1, 4)).isEqualTo("PNG".getBytes(StandardCharsets.US_ASCII));
        assertThat(decoded(asPng).getWidth()).isEqualTo(200);
        assertThat(derive(jpeg, "w_600,q_20").bytes().length).isLessThan(derive(jpeg, "w_600,q_95").bytes().length);
    }

    @Test
    void bytes_that_are_no_image_are_a_bad_request() {
        assertThatThrownBy(() -> derive("not an image at all".getBytes(StandardCharsets.US_ASCII), "w_10"))
                .isInstanceOf(DarkroomException.class).hasMessageContaining("Image could not be derived");
    }

    @Test
    void colours_are_converted_from_an_embedded_profile_to_srgb_before_the_profile_is_stripped() throws Exception {
        BufferedImage image = decoded(derive(TestPicture.greyInLinearRgb(128), "w_20,f_png"));
        // linear 128/255 is sRGB 188; taken as it is (the profile dropped unapplied) it would stay 128
        assertThat(new Color(image.getRGB(5, 5)).getRed()).isBetween(180, 195);
    }

    @Test
    void parameters_the_engine_does_not_apply_are_refused_by_name() {
        assertThatThrownBy(() -> DerivationPlan.of(Transformation.parse("w_100,e_cartoonify"))).hasMessageContaining("effect cartoonify");
        assertThatThrownBy(() -> DerivationPlan.of(Transformation.parse("w_100/fl_progressive"))).hasMessageContaining("flags (fl_progressive)");
        assertThatThrownBy(() -> DerivationPlan.of(Transformation.parse("w_100000"))).hasMessageContaining("between 1 and 10000");
        assertThatThrownBy(() -> DerivationPlan.of(Transformation.parse("w_auto"))).hasMessageContaining("client hints");
        assertThatThrownBy(() -> DerivationPlan.of(Transformation.parse("c_thumb,z_2,w_10"))).hasMessageContaining("zoom (z_2)");
        assertThatThrownBy(() -> DerivationPlan.of(Transformation.parse("if_w_gt_10,w_5"))).hasMessageContaining("conditions");
        assertThatThrownBy(() -> DerivationPlan.of(Transformation.parse("w_iw_mul_$x"))).hasMessageContaining("iw, ih and numbers");
        assertThatThrownBy(() -> DerivationPlan.of(Transformation.parse("e_blur:5000"))).hasMessageContaining("between 1 and 2000");
        assertThatThrownBy(() -> DerivationPlan.of(Transformation.parse("b_auto,c_pad,w_10,h_10"))).hasMessageContaining("background auto");
    }
}
