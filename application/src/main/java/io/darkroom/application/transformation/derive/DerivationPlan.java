package io.darkroom.application.transformation.derive;

import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.transformation.Component;
import io.darkroom.domain.transformation.ParameterKey;
import io.darkroom.domain.transformation.Transformation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What the imaging engine does for a transformation it can apply: resize/crop to {@code width} x
 * {@code height} (0 = follow the aspect ratio) in a crop mode with a gravity, then encode to a format
 * at a quality. Built only from what the engine applies today; any other parameter is a 400 naming
 * it, never silently ignored.
 *
 * @param format  jpg, png, webp, gif or avif; null keeps the original's format
 * @param quality 1-100, or 0 for the encoder's default
 */
public record DerivationPlan(Crop crop, int width, int height, Gravity gravity, String format, int quality) {
    /** The largest width or height a derivation may ask for. */
    public static final int MAX_DIMENSION = 10_000;
    private static final Set<ParameterKey> APPLIED = EnumSet.of(ParameterKey.CROP, ParameterKey.WIDTH, ParameterKey.HEIGHT,
            ParameterKey.GRAVITY, ParameterKey.QUALITY, ParameterKey.FETCH_FORMAT);
    private static final Set<String> FORMATS = Set.of("jpg", "png", "webp", "gif", "avif");
    /** Original formats a derivative keeps when none is asked for. */
    private static final Set<String> KEEPABLE_FORMATS = Set.of("jpg", "png", "webp", "gif");

    public enum Crop { SCALE, FIT, LIMIT, FILL, CROP }

    /** Where a crop keeps the picture: the compass points and the centre. */
    public enum Gravity { CENTER, NORTH, NORTH_EAST, EAST, SOUTH_EAST, SOUTH, SOUTH_WEST, WEST, NORTH_WEST }

    private static final Map<String, Crop> CROPS = Map.of("scale", Crop.SCALE, "fit", Crop.FIT, "limit", Crop.LIMIT,
            "fill", Crop.FILL, "crop", Crop.CROP, "thumb", Crop.FILL);

    public static DerivationPlan of(Transformation transformation) {
        if (transformation.components().isEmpty()) {
            // only a format (sample.webp): the picture as it is, encoded anew
            return new DerivationPlan(Crop.SCALE, 0, 0, Gravity.CENTER, format(transformation.extension()), 0);
        }
        if (transformation.components().size() != 1) {
            throw unsupported("chained transformations (" + transformation.canonical() + ")");
        }
        Component component = transformation.components().get(0);
        if (component.condition() != null || !component.variables().isEmpty()) {
            throw unsupported("conditions and variables");
        }
        for (ParameterKey key : component.parameters().keySet()) {
            if (!APPLIED.contains(key)) {
                throw unsupported(key.longName() + " (" + key.shortName() + "_" + component.get(key) + ")");
            }
        }
        String cropValue = component.get(ParameterKey.CROP);
        Crop crop = cropValue == null ? Crop.SCALE : CROPS.get(cropValue);
        if (crop == null) {
            throw unsupported("crop mode " + cropValue);
        }
        int width = pixels(component, ParameterKey.WIDTH);
        int height = pixels(component, ParameterKey.HEIGHT);
        if ((crop == Crop.FILL || crop == Crop.CROP) && (width == 0 || height == 0)) {
            throw DarkroomException.badRequest("Crop mode " + cropValue + " needs both width and height");
        }
        String format = format(transformation.extension() != null ? transformation.extension() : component.get(ParameterKey.FETCH_FORMAT));
        String quality = component.get(ParameterKey.QUALITY);
        int q = 0;
        if (quality != null) {
            if (!quality.matches("\\d{1,3}")) {
                throw unsupported("quality " + quality);
            }
            q = Integer.parseInt(quality);
        }
        return new DerivationPlan(crop, width, height, gravity(component.get(ParameterKey.GRAVITY)), format, q);
    }

    /** The format of the result: the one asked for, else the original's when it can be written, else jpg. */
    public String outputFormat(String originalFormat) {
        return format != null ? format : KEEPABLE_FORMATS.contains(originalFormat) ? originalFormat : "jpg";
    }

    private static String format(String requested) {
        String format = "jpeg".equals(requested) ? "jpg" : requested;
        if (format != null && !FORMATS.contains(format)) {
            throw unsupported("format " + format);
        }
        return format;
    }

    private static int pixels(Component component, ParameterKey key) {
        String value = component.get(key);
        if (value == null) {
            return 0;
        }
        if (!value.matches("\\d{1,9}")) {
            throw unsupported(key.longName() + " " + value + " (whole pixels only)");
        }
        long pixels = Long.parseLong(value);
        if (pixels < 1 || pixels > MAX_DIMENSION) {
            throw DarkroomException.badRequest("Invalid " + key.longName() + " " + value + ": between 1 and " + MAX_DIMENSION);
        }
        return (int) pixels;
    }

    private static Gravity gravity(String value) {
        if (value == null) {
            return Gravity.CENTER;
        }
        try {
            return Gravity.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unsupported("gravity " + value);
        }
    }

    private static DarkroomException unsupported(String what) {
        return DarkroomException.badRequest("Transformation not supported yet: " + what);
    }
}
