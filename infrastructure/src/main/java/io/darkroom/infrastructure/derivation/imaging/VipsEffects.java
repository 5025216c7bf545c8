package io.darkroom.infrastructure.derivation.imaging;

import com.sun.jna.Pointer;
import io.darkroom.application.derivation.Effect;
import io.darkroom.application.derivation.Rgba;
import io.darkroom.application.derivation.Step;

/**
 * What a component does after its geometry, in this order: the effect, rounded corners, the
 * rotation and flips, the border. Colour operations act on the colour bands and leave alpha as it is.
 */
final class VipsEffects {
    /** The classic sepia tone matrix (rows: output red, green, blue). */
    private static final double[][] SEPIA = {{0.393, 0.769, 0.189}, {0.349, 0.686, 0.168}, {0.272, 0.534, 0.131}};

    private VipsEffects() {
    }

    static Pointer apply(VipsPipeline pipeline, Pointer image, Step step) {
        if (step.effect() != null) {
            image = effect(pipeline, pipeline.srgb(image), step.effect());
        }
        if (step.radius() != null) {
            image = roundCorners(pipeline, pipeline.srgb(image), step.radius());
        }
        for (String turn : step.angle()) {
            image = turn(pipeline, image, turn, step.background());
        }
        if (step.border() != null) {
            int b = step.border().width();
            image = embed(pipeline, image, b, b, pipeline.width(image) + 2 * b, pipeline.height(image) + 2 * b, step.border().color());
        }
        return image;
    }

    /** {@code image} placed on a canvas of {@code colour} (transparent colours give the image alpha). */
    static Pointer embed(VipsPipeline pipeline, Pointer image, int left, int top, int width, int height, Rgba colour) {
        LibVips vips = pipeline.vips();
        Pointer coloured = withAlphaFor(pipeline, pipeline.srgb(image), colour);
        Rgba fill = pipeline.hasAlpha(coloured) ? colour : new Rgba(colour.red(), colour.green(), colour.blue(), 255);
        return pipeline.apply("pad", out -> vips.vips_embed(coloured, out, left, top, width, height,
                "extend", LibVips.VIPS_EXTEND_BACKGROUND, "background", pipeline.background(coloured, fill), null));
    }

    private static Pointer withAlphaFor(VipsPipeline pipeline, Pointer image, Rgba colour) {
        if (colour.opaque() || pipeline.hasAlpha(image)) {
            return image;
        }
        return pipeline.apply("add alpha", out -> pipeline.vips().vips_addalpha(image, out, (Object) null));
    }

    private static Pointer effect(VipsPipeline pipeline, Pointer image, Effect effect) {
        LibVips vips = pipeline.vips();
        int level = effect.level();
        return switch (effect.kind()) {
            case GRAYSCALE -> {
                Pointer grey = pipeline.apply("grayscale", out -> vips.vips_colourspace(image, out,
                        LibVips.VIPS_INTERPRETATION_B_W, (Object) null));
                yield pipeline.srgb(grey);
            }
            case SEPIA -> sepia(pipeline, image, level / 100.0);
            case NEGATE -> linear(pipeline, image, -1, 255);
            case BRIGHTNESS -> linear(pipeline, image, 1, level * 2.55);
            case CONTRAST -> {
                double factor = 1 + level / 100.0;
                yield linear(pipeline, image, factor, 128 * (1 - factor));
            }
            case SATURATION -> {
                Pointer lch = pipeline.apply("saturation", out -> vips.vips_colourspace(image, out,
                        LibVips.VIPS_INTERPRETATION_LCH, (Object) null));
                double[] a = ones(pipeline.bands(lch));
                a[1] = 1 + level / 100.0;
                Pointer saturated = pipeline.apply("saturation", out -> vips.vips_linear(lch, out, a, new double[a.length], a.length,
                        (Object) null));
                Pointer back = pipeline.apply("saturation", out -> vips.vips_colourspace(saturated, out,
                        LibVips.VIPS_INTERPRETATION_SRGB, (Object) null));
                yield pipeline.apply("saturation", out -> vips.vips_cast(back, out, LibVips.VIPS_FORMAT_UCHAR, (Object) null));
            }
            case BLUR -> pipeline.apply("blur", out -> vips.vips_gaussblur(image, out, Math.max(0.3, level / 20.0), (Object) null));
            case SHARPEN -> pipeline.apply("sharpen", out -> vips.vips_sharpen(image, out, "sigma",
                    Math.min(10.0, 0.5 + level / 100.0), null));
            case PIXELATE -> pixelate(pipeline, image, level);
        };
    }

    /** {@code a * v + b} on the colour bands, alpha untouched, back to 8 bits. */
    private static Pointer linear(VipsPipeline pipeline, Pointer image, double a, double b) {
        int bands = pipeline.bands(image);
        int colour = pipeline.hasAlpha(image) ? bands - 1 : bands;
        double[] as = ones(bands);
        double[] bs = new double[bands];
        for (int i = 0; i < colour; i++) {
            as[i] = a;
            bs[i] = b;
        }
        return pipeline.apply("adjust", out -> pipeline.vips().vips_linear(image, out, as, bs, bands, "uchar", 1, null));
    }

    /** The sepia matrix blended with the identity by {@code strength}; alpha passes through its own row. */
    private static Pointer sepia(VipsPipeline pipeline, Pointer image, double strength) {
        int bands = pipeline.bands(image);
        double[] matrix = new double[bands * bands];
        for (int row = 0; row < bands; row++) {
            for (int col = 0; col < bands; col++) {
                double identity = row == col ? 1 : 0;
                double tone = row < 3 && col < 3 ? SEPIA[row][col] : identity;
                matrix[row * bands + col] = strength * tone + (1 - strength) * identity;
            }
        }
        Pointer m = pipeline.matrix(bands, bands, matrix);
        Pointer toned = pipeline.apply("sepia", out -> pipeline.vips().vips_recomb(image, out, m, (Object) null));
        return pipeline.apply("sepia", out -> pipeline.vips().vips_cast(toned, out, LibVips.VIPS_FORMAT_UCHAR, (Object) null));
    }

    /** Squares of {@code size} pixels: subsample, enlarge without smoothing, fill the last partial squares by copying edges. */
    private static Pointer pixelate(VipsPipeline pipeline, Pointer image, int size) {
        LibVips vips = pipeline.vips();
        int width = pipeline.width(image);
        int height = pipeline.height(image);
        int cell = Math.max(1, Math.min(size, Math.min(width, height)));
        if (cell == 1) {
            return image;
        }
        Pointer small = pipeline.apply("pixelate", out -> vips.vips_subsample(image, out, cell, cell, (Object) null));
        Pointer blocks = pipeline.apply("pixelate", out -> vips.vips_zoom(small, out, cell, cell, (Object) null));
        return pipeline.apply("pixelate", out -> vips.vips_embed(blocks, out, 0, 0, width, height,
                "extend", LibVips.VIPS_EXTEND_COPY, null));
    }

    private static Pointer roundCorners(VipsPipeline pipeline, Pointer image, Step.Corners corners) {
        LibVips vips = pipeline.vips();
        int width = pipeline.width(image);
        int height = pipeline.height(image);
        Pointer withAlpha = pipeline.hasAlpha(image) ? image
                : pipeline.apply("round corners", out -> vips.vips_addalpha(image, out, (Object) null));
        int bands = pipeline.bands(withAlpha);
        Pointer colour = pipeline.apply("round corners", out -> vips.vips_extract_band(withAlpha, out, 0, "n", bands - 1, null));
        Pointer alpha = pipeline.apply("round corners", out -> vips.vips_extract_band(withAlpha, out, bands - 1, (Object) null));
        Pointer mask = pipeline.fromBytes(CornerMask.of(corners, width, height), width, height);
        Pointer product = pipeline.apply("round corners", out -> vips.vips_multiply(alpha, mask, out, (Object) null));
        Pointer masked = pipeline.apply("round corners", out -> vips.vips_linear(product, out, new double[] {1 / 255.0},
                new double[] {0}, 1, "uchar", 1, null));
        return pipeline.apply("round corners", out -> vips.vips_bandjoin2(colour, masked, out, (Object) null));
    }

    /** A quarter turn exactly, any other angle through an affine rotation (clockwise, as Cloudinary's) with transparent corners unless a background is given. */
    private static Pointer turn(VipsPipeline pipeline, Pointer image, String turn, Rgba background) {
        LibVips vips = pipeline.vips();
        switch (turn) {
            case "hflip":
                return pipeline.apply("flip", out -> vips.vips_flip(image, out, LibVips.VIPS_DIRECTION_HORIZONTAL, (Object) null));
            case "vflip":
                return pipeline.apply("flip", out -> vips.vips_flip(image, out, LibVips.VIPS_DIRECTION_VERTICAL, (Object) null));
            default:
                break;
        }
        double degrees = ((Double.parseDouble(turn) % 360) + 360) % 360;
        if (degrees == 0) {
            return image;
        }
        if (degrees % 90 == 0) {
            int angle = degrees == 90 ? LibVips.VIPS_ANGLE_D90 : degrees == 180 ? LibVips.VIPS_ANGLE_D180 : LibVips.VIPS_ANGLE_D270;
            return pipeline.apply("rotate", out -> vips.vips_rot(image, out, angle, (Object) null));
        }
        Rgba corners = background != null ? background : new Rgba(0, 0, 0, 0);
        Pointer coloured = withAlphaFor(pipeline, pipeline.srgb(image), corners);
        return pipeline.apply("rotate", out -> vips.vips_rotate(coloured, out, degrees, "background",
                pipeline.background(coloured, corners), null));
    }

    private static double[] ones(int n) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, 1);
        return values;
    }
}
