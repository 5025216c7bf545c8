package io.darkroom.infrastructure.derivation.imaging;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.darkroom.application.derivation.DerivationPlan.Metadata;

import java.util.Set;

/**
 * Brings a derived image's embedded metadata to what the plan keeps before it is encoded. libvips carries the original's
 * EXIF, XMP, IPTC and ICC profile into what it writes unless the saver strips them, so: {@code STRIP} converts the
 * colours to sRGB (so that losing the profile changes no colour), removes every metadata field and has the saver strip
 * too (libvips 8.14's WebP saver ignores {@code strip}: removing the fields is what works for every format);
 * {@code KEEP_ALL} leaves it all; {@code KEEP_ATTRIBUTION} removes every field but the EXIF copyright and the IPTC credit
 * and copyright (libvips writes EXIF from its {@code exif-ifd*} fields and drops entries whose field is gone).
 */
final class VipsMetadata {
    private static final String ICC = "icc-profile-data";
    private static final String IPTC = "iptc-data";
    private static final String EXIF = "exif-data";
    private static final Set<String> ATTRIBUTION_EXIF = Set.of("exif-ifd0-Copyright");

    private VipsMetadata() {
    }

    /** What to encode, and whether the saver strips all metadata. */
    record Prepared(Pointer image, boolean strip) {
    }

    static Prepared prepare(VipsPipeline pipeline, Pointer image, Metadata metadata) {
        return switch (metadata) {
            case KEEP_ALL -> new Prepared(image, false);
            case STRIP -> new Prepared(without(pipeline, inSrgb(pipeline, image), name -> embedded(name) || name.equals(ICC)), true);
            case KEEP_ATTRIBUTION -> new Prepared(attributionOnly(pipeline, image), false);
        };
    }

    /** {@code image} with its embedded profile applied and the sRGB profile attached; as it is when it has none. */
    private static Pointer inSrgb(VipsPipeline pipeline, Pointer image) {
        LibVips vips = pipeline.vips();
        if (vips.vips_image_get_typeof(image, ICC) == 0) {
            return image;
        }
        PointerByReference out = new PointerByReference();
        if (vips.vips_icc_transform(image, out, "srgb", "embedded", 1, null) != 0) {
            // a profile lcms cannot read: its colours are taken as they are, as any viewer would show them
            vips.vips_error_clear();
            return image;
        }
        return pipeline.track(out.getValue());
    }

    private static Pointer attributionOnly(VipsPipeline pipeline, Pointer image) {
        Pointer copy = without(pipeline, image, name -> embedded(name) && !name.equals(EXIF) && !ATTRIBUTION_EXIF.contains(name));
        byte[] iptc = IptcAttribution.keep(blob(pipeline.vips(), image, IPTC));
        if (iptc != null) {
            pipeline.vips().vips_image_set_blob_copy(copy, IPTC, iptc, iptc.length);
        }
        return copy;
    }

    /** Embedded metadata a person or camera put there (not the fields that describe the pixels, such as page height). */
    private static boolean embedded(String name) {
        return name.startsWith("exif-") || name.equals("xmp-data") || name.equals(IPTC) || name.endsWith("-comment")
                || name.startsWith("png-comment");
    }

    /** A copy of {@code image} (same pixels) without the metadata fields {@code removed} names. */
    private static Pointer without(VipsPipeline pipeline, Pointer image, java.util.function.Predicate<String> removed) {
        LibVips vips = pipeline.vips();
        Pointer copy = pipeline.apply("metadata", out -> vips.vips_copy(image, out, (Object) null));
        Pointer names = vips.vips_image_get_fields(copy);
        try {
            for (String name : names.getStringArray(0)) {
                if (removed.test(name)) {
                    vips.vips_image_remove(copy, name);
                }
            }
        } finally {
            vips.g_strfreev(names);
        }
        return copy;
    }

    private static byte[] blob(LibVips vips, Pointer image, String name) {
        if (vips.vips_image_get_typeof(image, name) == 0) {
            return null;
        }
        PointerByReference data = new PointerByReference();
        LongByReference length = new LongByReference();
        if (vips.vips_image_get_blob(image, name, data, length) != 0) {
            vips.vips_error_clear();
            return null;
        }
        return data.getValue().getByteArray(0, (int) length.getValue());
    }
}
