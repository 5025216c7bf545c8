package io.darkroom.application.derivation;

import io.darkroom.application.support.DarkroomException;

import java.util.Locale;
import java.util.Map;

/** A colour as transformations name it: a CSS name or {@code rgb:} hex with 3, 4, 6 or 8 digits (the last ones alpha). */
public record Rgba(int red, int green, int blue, int alpha) {
    public static final Rgba WHITE = new Rgba(255, 255, 255, 255);
    public static final Rgba BLACK = new Rgba(0, 0, 0, 255);
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("white", "ffffff"), Map.entry("black", "000000"), Map.entry("red", "ff0000"),
            Map.entry("green", "008000"), Map.entry("lime", "00ff00"), Map.entry("blue", "0000ff"),
            Map.entry("yellow", "ffff00"), Map.entry("cyan", "00ffff"), Map.entry("aqua", "00ffff"),
            Map.entry("magenta", "ff00ff"), Map.entry("fuchsia", "ff00ff"), Map.entry("gray", "808080"),
            Map.entry("grey", "808080"), Map.entry("silver", "c0c0c0"), Map.entry("maroon", "800000"),
            Map.entry("olive", "808000"), Map.entry("navy", "000080"), Map.entry("teal", "008080"),
            Map.entry("purple", "800080"), Map.entry("orange", "ffa500"), Map.entry("pink", "ffc0cb"),
            Map.entry("brown", "a52a2a"), Map.entry("gold", "ffd700"), Map.entry("transparent", "00000000"));

    public static Rgba parse(String text) {
        String hex = text.startsWith("rgb:") ? text.substring(4) : NAMES.get(text.toLowerCase(Locale.ROOT));
        if (hex == null) {
            throw DarkroomException.badRequest("Transformation not supported yet: colour " + text
                    + " (use rgb:RRGGBB or one of " + String.join(", ", new java.util.TreeSet<>(NAMES.keySet())) + ")");
        }
        if (hex.length() == 3 || hex.length() == 4) {
            StringBuilder doubled = new StringBuilder();
            hex.chars().forEach(c -> doubled.append((char) c).append((char) c));
            hex = doubled.toString();
        }
        int alpha = hex.length() == 8 ? Integer.parseInt(hex.substring(6, 8), 16) : 255;
        return new Rgba(Integer.parseInt(hex.substring(0, 2), 16), Integer.parseInt(hex.substring(2, 4), 16),
                Integer.parseInt(hex.substring(4, 6), 16), alpha);
    }

    public boolean opaque() {
        return alpha == 255;
    }
}
