package io.darkroom.application.derivation;

import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.transformation.Component;
import io.darkroom.domain.transformation.ParameterKey;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one component of a transformation does to the image it receives, applied in this order:
 * the angle's exif/auto choices, resize/crop/pad ({@link Layout}), the effect, rounded corners, the
 * rotation and flips, the border. Built only from what Darkroom applies; any other parameter is a 400
 * naming it.
 *
 * @param width       null: follows the aspect ratio
 * @param aspectRatio width / height, or null
 * @param angle       rotations in degrees and {@code hflip}/{@code vflip}, in order
 * @param exif        whether the original is turned by its EXIF orientation (false for {@code a_ignore})
 * @param radius      corner radii (top-left, top-right, bottom-right, bottom-left), or null
 * @param background  the colour of padding, rotated corners and flattened transparency, or null (white)
 */
public record Step(Crop crop, Length width, Length height, Double aspectRatio, double dpr, Gravity gravity, Length x, Length y,
                   AutoTurn autoTurn, List<String> angle, boolean exif, Corners radius, Effect effect, Rgba background,
                   Border border) {
    /** The largest width or height a derivation may make. */
    public static final int MAX_DIMENSION = 10_000;
    /** The most pixels a component may make: bounds the memory of one derivation (4 bytes a pixel and a copy or two). */
    public static final long MAX_PIXELS = 50_000_000;

    private static final Set<ParameterKey> APPLIED = EnumSet.of(ParameterKey.CROP, ParameterKey.WIDTH, ParameterKey.HEIGHT,
            ParameterKey.ASPECT_RATIO, ParameterKey.DPR, ParameterKey.GRAVITY, ParameterKey.X, ParameterKey.Y, ParameterKey.ANGLE,
            ParameterKey.RADIUS, ParameterKey.EFFECT, ParameterKey.BACKGROUND, ParameterKey.BORDER, ParameterKey.QUALITY,
            ParameterKey.FETCH_FORMAT, ParameterKey.FLAGS);

    public enum Crop { SCALE, FIT, LIMIT, MFIT, FILL, LFILL, FILL_PAD, PAD, LPAD, MPAD, CROP, THUMB }

    /**
     * Where a crop keeps the picture: compass points, the centre, {@code auto} (libvips' attention
     * measure), the stored face or custom coordinates (falling back as named, then to the centre).
     */
    public enum Gravity {
        CENTER, NORTH, NORTH_EAST, EAST, SOUTH_EAST, SOUTH, SOUTH_WEST, WEST, NORTH_WEST, AUTO, FACE, FACES, CUSTOM, CUSTOM_FACE,
        CUSTOM_FACES;

        /** Focuses on faces (directly, or when there are no custom coordinates). */
        boolean face() {
            return this == FACE || this == FACES || this == CUSTOM_FACE || this == CUSTOM_FACES;
        }

        /** Focuses on the custom coordinates first. */
        boolean custom() {
            return name().startsWith("CUSTOM");
        }

        /** Needs the resource's stored face or custom coordinates. */
        boolean usesCoordinates() {
            return face() || custom();
        }
    }

    /** {@code a_auto_right}/{@code a_auto_left}: a quarter turn when the image's orientation differs from the box's. */
    public enum AutoTurn { NONE, RIGHT, LEFT }

    /** Radii per corner; {@code max} is an ellipse over the whole image. */
    public record Corners(boolean max, int topLeft, int topRight, int bottomRight, int bottomLeft) {
    }

    public record Border(int width, Rgba color) {
    }

    static Step of(Component component) {
        if (component.condition() != null || !component.variables().isEmpty()) {
            throw unsupported("conditions and variables (" + component.canonical() + ")");
        }
        for (ParameterKey key : component.parameters().keySet()) {
            if (!APPLIED.contains(key)) {
                throw unsupported(key.longName() + " (" + key.shortName() + "_" + component.get(key) + ")");
            }
        }
        String cropValue = component.get(ParameterKey.CROP);
        Crop crop = cropValue == null ? Crop.SCALE : enumValue(Crop.class, cropValue, "crop mode");
        Length width = dimension(component, ParameterKey.WIDTH);
        Length height = dimension(component, ParameterKey.HEIGHT);
        List<String> angle = new ArrayList<>();
        AutoTurn autoTurn = AutoTurn.NONE;
        boolean exif = true;
        String angleValue = component.get(ParameterKey.ANGLE);
        if (angleValue != null) {
            for (String part : angleValue.split("\\.")) {
                switch (part) {
                    case "ignore" -> exif = false;
                    case "exif" -> exif = true;
                    case "auto_right" -> autoTurn = AutoTurn.RIGHT;
                    case "auto_left" -> autoTurn = AutoTurn.LEFT;
                    case "hflip", "vflip" -> angle.add(part);
                    default -> angle.add(degrees(part));
                }
            }
        }
        return new Step(crop, width, height, aspectRatio(component.get(ParameterKey.ASPECT_RATIO)),
                dpr(component.get(ParameterKey.DPR)), gravity(component.get(ParameterKey.GRAVITY)),
                Length.of("x", component.get(ParameterKey.X)), Length.of("y", component.get(ParameterKey.Y)), autoTurn,
                List.copyOf(angle), exif, corners(component.get(ParameterKey.RADIUS)),
                component.get(ParameterKey.EFFECT) == null ? null : Effect.parse(component.get(ParameterKey.EFFECT)),
                background(component.get(ParameterKey.BACKGROUND)), border(component.get(ParameterKey.BORDER)));
    }

    private static Length dimension(Component component, ParameterKey key) {
        String value = component.get(key);
        if (value != null && value.startsWith("auto")) {
            throw unsupported(key.longName() + " " + value + " (it needs client hints)");
        }
        Length length = Length.of(key.longName(), value);
        boolean wholePixels = length != null && length.text().matches("\\d+");
        if (wholePixels && (length.text().length() > 5 || Integer.parseInt(length.text()) < 1
                || Integer.parseInt(length.text()) > MAX_DIMENSION)) {
            throw DarkroomException.badRequest("Invalid " + key.longName() + " " + value + ": between 1 and " + MAX_DIMENSION);
        }
        return length;
    }

    private static String degrees(String part) {
        if (!part.matches("-?\\d{1,4}(?:\\.\\d+)?")) {
            throw unsupported("angle " + part);
        }
        return part;
    }

    private static Double aspectRatio(String value) {
        if (value == null) {
            return null;
        }
        if (value.startsWith("$")) {
            throw unsupported("aspect ratio " + value);
        }
        String[] parts = value.split(":");
        double ratio = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]) : Double.parseDouble(parts[0]);
        if (!(ratio > 0.001 && ratio < 1000)) {
            throw DarkroomException.badRequest("Invalid aspect ratio " + value);
        }
        return ratio;
    }

    private static double dpr(String value) {
        if (value == null) {
            return 1;
        }
        if (!value.matches("\\d+(?:\\.\\d+)?")) {
            throw unsupported("dpr " + value + " (it needs client hints)");
        }
        double dpr = Double.parseDouble(value);
        if (dpr < 0.1 || dpr > 5) {
            throw DarkroomException.badRequest("Invalid dpr " + value + ": between 0.1 and 5");
        }
        return dpr;
    }

    private static Gravity gravity(String value) {
        if (value == null) {
            return Gravity.CENTER;
        }
        String normalised = switch (value) {
            case "face:center" -> "face";
            case "faces:center" -> "faces";
            case "custom:center" -> "custom";
            default -> value.replace(':', '_');
        };
        return enumValue(Gravity.class, normalised, "gravity");
    }

    private static Corners corners(String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("max")) {
            return new Corners(true, 0, 0, 0, 0);
        }
        if (value.startsWith("$")) {
            throw unsupported("radius " + value);
        }
        int[] r = java.util.Arrays.stream(value.split(":")).mapToInt(Integer::parseInt).toArray();
        // as CSS border-radius: one value for all, two for the diagonals, three, or four clockwise from top-left
        return switch (r.length) {
            case 1 -> new Corners(false, r[0], r[0], r[0], r[0]);
            case 2 -> new Corners(false, r[0], r[1], r[0], r[1]);
            case 3 -> new Corners(false, r[0], r[1], r[2], r[1]);
            default -> new Corners(false, r[0], r[1], r[2], r[3]);
        };
    }

    private static Rgba background(String value) {
        if (value == null) {
            return null;
        }
        if (value.startsWith("auto") || value.startsWith("blurred") || value.startsWith("gen_fill")) {
            throw unsupported("background " + value);
        }
        return Rgba.parse(value);
    }

    private static Border border(String value) {
        if (value == null) {
            return null;
        }
        int px = value.indexOf("px_solid_");
        int width = Integer.parseInt(value.substring(0, px));
        if (width < 1 || width > 1000) {
            throw DarkroomException.badRequest("Invalid border " + value + ": between 1 and 1000 pixels");
        }
        return new Border(width, Rgba.parse(value.substring(px + "px_solid_".length())));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unsupported(what + " " + value);
        }
    }

    static DarkroomException unsupported(String what) {
        return DarkroomException.badRequest("Transformation not supported yet: " + what);
    }
}
