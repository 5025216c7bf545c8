package io.darkroom.application.derivation;

import io.darkroom.domain.transformation.Component;
import io.darkroom.domain.transformation.ParameterKey;
import io.darkroom.domain.transformation.Transformation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the imaging engine does for a transformation whose named references are expanded: each
 * component's {@link Step} in order, then one encoding in a format at a quality. Built only from what
 * the engine applies; any other parameter is a 400 naming it, never silently ignored.
 *
 * @param format   jpg, png, webp, gif, avif or {@code auto} (chosen by the request's {@code Accept}); null keeps the original's
 * @param quality  1-100, {@code auto[:level]}, or null for the encoder's default
 * @param metadata what of the original's embedded metadata the result keeps
 */
public record DerivationPlan(List<Step> steps, String format, String quality, Metadata metadata) {
    private static final Set<String> FORMATS = Set.of("jpg", "png", "webp", "gif", "avif", "auto");
    /** Original formats a derivative keeps when none is asked for. */
    private static final Set<String> KEEPABLE_FORMATS = Set.of("jpg", "png", "webp", "gif");
    /** {@code q_auto} levels as encoder qualities: chosen so that {@code good} matches what CDNs ship by default. */
    private static final Map<String, Integer> AUTO_QUALITY = Map.of("good", 80, "best", 90, "eco", 70, "low", 60);

    /**
     * Embedded metadata (EXIF, XMP, IPTC, comments) in a derived image. Cloudinary strips it unless a flag keeps it, and so
     * does Darkroom: a photo's GPS position or its owner's name must not travel into every resized copy by accident.
     */
    public enum Metadata {
        /** The default: none kept; colours converted to sRGB first, so dropping the ICC profile changes no colour. */
        STRIP,
        /** {@code fl_keep_iptc}: everything kept as the original has it. */
        KEEP_ALL,
        /** {@code fl_keep_attribution}: only the copyright and credit fields (EXIF Copyright, IPTC Copyright Notice and Credit). */
        KEEP_ATTRIBUTION
    }

    /** The flags ({@code fl_}) a derivation applies; any other is a 400 naming it. */
    private static final Set<String> FLAGS = Set.of("keep_iptc", "keep_attribution");

    public DerivationPlan {
        steps = List.copyOf(steps);
    }

    public static DerivationPlan of(Transformation transformation) {
        String format = transformation.extension();
        String quality = null;
        Metadata metadata = Metadata.STRIP;
        for (Component component : transformation.components()) {
            String fetchFormat = component.get(ParameterKey.FETCH_FORMAT);
            // f_ decides over the URL's extension, as in Cloudinary: the extension names the format only when no f_ does
            if (fetchFormat != null) {
                format = fetchFormat;
            }
            if (component.get(ParameterKey.QUALITY) != null) {
                quality = quality(component.get(ParameterKey.QUALITY));
            }
            metadata = metadata(component.get(ParameterKey.FLAGS), metadata);
        }
        List<Step> steps = transformation.components().stream().map(Step::of).toList();
        return new DerivationPlan(steps, format(format), quality, metadata);
    }

    /** The format of the result: the one asked for ({@code auto}: the best {@code accept} takes), else the original's when it can be written, else jpg. */
    public String outputFormat(String originalFormat, String accept) {
        String chosen = "auto".equals(format) ? bestAccepted(accept) : format;
        return chosen != null ? chosen : KEEPABLE_FORMATS.contains(originalFormat) ? originalFormat : "jpg";
    }

    /** What {@code f_auto} takes from a request's {@code Accept}: avif, webp, or null (the original's format). */
    public static String bestAccepted(String accept) {
        if (accept == null) {
            return null;
        }
        return accept.contains("image/avif") ? "avif" : accept.contains("image/webp") ? "webp" : null;
    }

    /** Whether the format depends on the request's {@code Accept} (answers then vary by it). */
    public boolean formatByAccept() {
        return "auto".equals(format);
    }

    /** The encoder quality for {@code outputFormat}, or 0 for its default (and for lossless formats). */
    public int encoderQuality(String outputFormat) {
        if (quality == null || outputFormat.equals("png") || outputFormat.equals("gif")) {
            return 0;
        }
        if (!quality.startsWith("auto")) {
            return Integer.parseInt(quality);
        }
        int q = AUTO_QUALITY.get(quality.contains(":") ? quality.substring(5) : "good");
        // AVIF's scale runs lower for the same look
        return outputFormat.equals("avif") ? q - 25 : q;
    }

    /** Whether a step's gravity needs the resource's stored face or custom coordinates. */
    public boolean needsCoordinates() {
        return steps.stream().anyMatch(step -> step.gravity().usesCoordinates());
    }

    private static String format(String requested) {
        String format = "jpeg".equals(requested) ? "jpg" : requested;
        if (format != null && !FORMATS.contains(format)) {
            throw Step.unsupported("format " + format);
        }
        return format;
    }

    private static Metadata metadata(String flags, Metadata before) {
        if (flags == null) {
            return before;
        }
        Metadata metadata = before;
        for (String flag : flags.split("\\.")) {
            if (!FLAGS.contains(flag)) {
                throw Step.unsupported("flags (fl_" + flag + ")");
            }
            // keeping everything wins over keeping only attribution, wherever each is named
            metadata = flag.equals("keep_iptc") || metadata == Metadata.KEEP_ALL ? Metadata.KEEP_ALL : Metadata.KEEP_ATTRIBUTION;
        }
        return metadata;
    }

    private static String quality(String value) {
        if (value.matches("100|[1-9]\\d?") || value.matches("auto(?::(?:good|best|eco|low))?")) {
            return value;
        }
        throw Step.unsupported("quality " + value);
    }
}
