package io.darkroom.domain.resource;

import java.util.List;
import java.util.Map;

/**
 * What was measured from an uploaded file's bytes. Dimensions and pages are 0 where they do
 * not apply (raw files); {@code phash} is null and the collections empty for non-images.
 *
 * @param format      lowercase file format (jpg, png, txt, ...) or empty when unknown
 * @param bytes       size of the file in bytes
 * @param etag        hex MD5 of the bytes
 * @param exif        Exif tags by name
 * @param metadata    IPTC, XMP and other tags by name (Exif not repeated)
 */
public record MediaFacts(String format, int width, int height, int pages, long bytes, String etag,
                         String phash, List<ColorShare> colors, Map<String, String> exif,
                         Map<String, String> metadata, String originalFilename) {
    public MediaFacts {
        colors = colors == null ? List.of() : List.copyOf(colors);
        exif = exif == null ? Map.of() : Map.copyOf(exif);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        format = format == null ? "" : format;
    }
}
