package io.darkroom.application.derivation;

import io.darkroom.application.support.DarkroomException;

import java.util.Locale;

/** One of the effects Darkroom applies ({@code e_name[:level]}), its level checked against Cloudinary's range and default. */
public record Effect(Kind kind, int level) {
    public enum Kind {
        GRAYSCALE(0, 0, 0), SEPIA(1, 100, 80), NEGATE(0, 0, 0), BLUR(1, 2000, 100), SHARPEN(1, 2000, 100),
        BRIGHTNESS(-99, 100, 80), CONTRAST(-100, 100, 0), SATURATION(-100, 100, 80), PIXELATE(1, 200, 5);

        private final int min;
        private final int max;
        private final int defaultLevel;

        Kind(int min, int max, int defaultLevel) {
            this.min = min;
            this.max = max;
            this.defaultLevel = defaultLevel;
        }
    }

    public static Effect parse(String text) {
        String[] parts = text.split(":");
        Kind kind;
        try {
            kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DarkroomException.badRequest("Transformation not supported yet: effect " + parts[0]);
        }
        if (parts.length > 2 || (parts.length == 2 && kind.max == 0)) {
            throw DarkroomException.badRequest("Invalid effect " + text + ": " + parts[0]
                    + (kind.max == 0 ? " takes no level" : " takes one level"));
        }
        if (parts.length == 1) {
            return new Effect(kind, kind.defaultLevel);
        }
        int level;
        try {
            level = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            level = Integer.MIN_VALUE;
        }
        if (level < kind.min || level > kind.max) {
            throw DarkroomException.badRequest("Invalid effect " + text + ": the level of " + parts[0] + " is between "
                    + kind.min + " and " + kind.max);
        }
        return new Effect(kind, level);
    }
}
