package io.darkroom.infrastructure.imaging;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.transformation.derive.DerivationPlan;
import io.darkroom.application.transformation.derive.DerivedImage;
import io.darkroom.application.transformation.derive.ImageDeriver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives with libvips in-process (Debian {@code libvips42}, loaded through JNA when Darkroom starts).
 * {@code vips_thumbnail_buffer} decodes with shrink-on-load (a 12-megapixel JPEG is decoded at the size
 * needed) and resizes in one pass; fills and crops then cut with {@code vips_extract_area} at the
 * gravity. Every image is a GObject released when done. When the library is missing, Darkroom runs
 * on and derivations answer 503 saying how to install it.
 */
public final class VipsImageDeriver implements ImageDeriver {
    /** libvips' "no limit" for the dimension a thumbnail does not constrain. */
    private static final int UNBOUNDED = 10_000_000;
    private static final int SIZE_BOTH = 0;
    private static final int SIZE_DOWN = 2;
    private static final int SIZE_FORCE = 3;

    private final LibVips vips;
    private final String unavailableReason;

    private VipsImageDeriver(LibVips vips, String unavailableReason) {
        this.vips = vips;
        this.unavailableReason = unavailableReason;
    }

    /** Loads libvips; never throws: a machine without it gets a deriver that says so. */
    public static VipsImageDeriver load() {
        for (String name : List.of("vips", "libvips.so.42")) {
            try {
                LibVips library = Native.load(name, LibVips.class);
                if (library.vips_init("darkroom") != 0) {
                    return new VipsImageDeriver(null, "libvips did not initialise: " + library.vips_error_buffer());
                }
                return new VipsImageDeriver(library, null);
            } catch (UnsatisfiedLinkError notThisName) {
                // try the next name
            }
        }
        return new VipsImageDeriver(null, "libvips is not installed (Debian/Ubuntu: apt-get install libvips42)");
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    @Override
    public DerivedImage derive(byte[] original, String originalFormat, DerivationPlan plan) {
        if (vips == null) {
            throw new DarkroomException(DarkroomException.Kind.UNAVAILABLE, "Image derivation is unavailable: " + unavailableReason);
        }
        Memory input = new Memory(original.length);
        input.write(0, original, 0, original.length);
        List<Pointer> images = new ArrayList<>();
        try {
            boolean asItIs = plan.crop() == DerivationPlan.Crop.CROP || (plan.width() == 0 && plan.height() == 0);
            Pointer image = asItIs ? decode(input, original.length, images)
                    : thumbnail(input, original.length, plan, images);
            if (plan.crop() == DerivationPlan.Crop.FILL || plan.crop() == DerivationPlan.Crop.CROP) {
                image = cut(image, plan, images);
            }
            String format = plan.outputFormat(originalFormat);
            return new DerivedImage(encode(image, format, plan.quality()), vips.vips_image_get_width(image),
                    vips.vips_image_get_height(image), format);
        } finally {
            images.forEach(vips::g_object_unref);
            // the input must outlive the images decoded from it
            input.close();
        }
    }

    private Pointer decode(Memory input, int length, List<Pointer> images) {
        Pointer loaded = vips.vips_image_new_from_buffer(input, length, "", (Object) null);
        if (loaded == null) {
            throw failure("decode");
        }
        images.add(loaded);
        PointerByReference rotated = new PointerByReference();
        check(vips.vips_autorot(loaded, rotated, (Object) null), "rotate");
        images.add(rotated.getValue());
        return rotated.getValue();
    }

    private Pointer thumbnail(Memory input, int length, DerivationPlan plan, List<Pointer> images) {
        int width = plan.width() == 0 ? UNBOUNDED : plan.width();
        int height = plan.height() == 0 ? UNBOUNDED : plan.height();
        int size = switch (plan.crop()) {
            case SCALE -> plan.width() > 0 && plan.height() > 0 ? SIZE_FORCE : SIZE_BOTH;
            case LIMIT -> SIZE_DOWN;
            default -> SIZE_BOTH;
        };
        if (plan.crop() == DerivationPlan.Crop.FILL) {
            // cover the box first (the smaller dimension decides), then cut at the gravity
            Pointer header = vips.vips_image_new_from_buffer(input, length, "", (Object) null);
            if (header == null) {
                throw failure("decode");
            }
            images.add(header);
            double scale = Math.max((double) plan.width() / vips.vips_image_get_width(header),
                    (double) plan.height() / vips.vips_image_get_height(header));
            width = (int) Math.ceil(vips.vips_image_get_width(header) * scale);
            height = (int) Math.ceil(vips.vips_image_get_height(header) * scale);
            size = SIZE_FORCE;
        }
        PointerByReference out = new PointerByReference();
        check(vips.vips_thumbnail_buffer(input, length, out, width, "height", height, "size", size, null), "resize");
        images.add(out.getValue());
        return out.getValue();
    }

    private Pointer cut(Pointer image, DerivationPlan plan, List<Pointer> images) {
        int imageWidth = vips.vips_image_get_width(image);
        int imageHeight = vips.vips_image_get_height(image);
        int width = Math.min(plan.width(), imageWidth);
        int height = Math.min(plan.height(), imageHeight);
        int left = switch (plan.gravity()) {
            case WEST, NORTH_WEST, SOUTH_WEST -> 0;
            case EAST, NORTH_EAST, SOUTH_EAST -> imageWidth - width;
            default -> (imageWidth - width) / 2;
        };
        int top = switch (plan.gravity()) {
            case NORTH, NORTH_WEST, NORTH_EAST -> 0;
            case SOUTH, SOUTH_WEST, SOUTH_EAST -> imageHeight - height;
            default -> (imageHeight - height) / 2;
        };
        PointerByReference out = new PointerByReference();
        check(vips.vips_extract_area(image, out, left, top, width, height, (Object) null), "crop");
        images.add(out.getValue());
        return out.getValue();
    }

    private byte[] encode(Pointer image, String format, int quality) {
        String suffix = "." + format + (quality > 0 && !format.equals("png") && !format.equals("gif") ? "[Q=" + quality + "]" : "");
        PointerByReference buffer = new PointerByReference();
        LongByReference size = new LongByReference();
        check(vips.vips_image_write_to_buffer(image, suffix, buffer, size, (Object) null), "encode as " + format);
        try {
            return buffer.getValue().getByteArray(0, (int) size.getValue());
        } finally {
            vips.g_free(buffer.getValue());
        }
    }

    private void check(int status, String step) {
        if (status != 0) {
            throw failure(step);
        }
    }

    private DarkroomException failure(String step) {
        String detail = vips.vips_error_buffer();
        vips.vips_error_clear();
        return DarkroomException.badRequest("Image could not be derived (" + step + "): "
                + (detail == null ? "unknown error" : detail.strip().lines().findFirst().orElse("")));
    }
}
