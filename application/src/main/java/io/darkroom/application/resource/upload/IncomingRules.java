package io.darkroom.application.resource.upload;

import io.darkroom.application.support.DarkroomException;
import io.darkroom.domain.resource.ResourceType;
import io.darkroom.domain.transformation.Transformation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an upload asks of its file before it is stored: an incoming {@code transformation}, a {@code format} to convert to,
 * and the {@code allowedFormats} it may have. As Cloudinary does, with both {@code format} and {@code allowedFormats} a file
 * in a format not allowed is converted to {@code format} rather than refused.
 *
 * @param transformation null: none
 * @param format         null: keep the file's format
 * @param allowedFormats empty: any format
 */
public record IncomingRules(Transformation transformation, String format, List<String> allowedFormats) {
    public static final IncomingRules NONE = new IncomingRules(null, null, List.of());
    /** What the imaging engine writes (as derived images). */
    private static final Set<String> CONVERTIBLE = Set.of("jpg", "png", "webp", "avif", "gif");

    public IncomingRules {
        format = format == null ? null : normalized(format);
        allowedFormats = allowedFormats == null ? List.of() : allowedFormats.stream().map(IncomingRules::normalized).toList();
        if (format != null && !CONVERTIBLE.contains(format)) {
            throw DarkroomException.badRequest("Invalid format " + format + " (expected one of " + String.join(", ",
                    CONVERTIBLE.stream().sorted().toList()) + ")");
        }
    }

    /** The format an image of {@code fileFormat} is stored in, or null when it is stored as it came. A 400 when it may not be stored. */
    public String conversionFor(ResourceType kind, String fileFormat) {
        String current = normalized(fileFormat == null ? "" : fileFormat);
        boolean allowed = allowedFormats.isEmpty() || allowedFormats.contains(current);
        if (!allowed && format == null) {
            String what = switch (kind) {
                case IMAGE -> "Image";
                case VIDEO -> "Video";
                case RAW -> "Raw";
            };
            throw DarkroomException.badRequest(what + " file format " + (current.isEmpty() ? "(none)" : current) + " not allowed");
        }
        if (kind != ResourceType.IMAGE) {
            if (transformation != null || (format != null && !format.equals(current))) {
                throw DarkroomException.badRequest("Incoming transformations and format conversion apply to images only; this file is "
                        + kind.wireName());
            }
            return null;
        }
        // a transformed image keeps its format where the engine writes it, else becomes a JPEG (as derived images do)
        String target = format != null ? format : CONVERTIBLE.contains(current) ? current : "jpg";
        return transformation != null || !target.equals(current) ? target : null;
    }

    private static String normalized(String format) {
        String lower = format.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "jpeg", "jpe" -> "jpg";
            case "tif" -> "tiff";
            default -> lower;
        };
    }
}
