package io.darkroom.infrastructure.derivation.imaging;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.darkroom.application.derivation.Rgba;
import io.darkroom.application.support.DarkroomException;

import java.util.ArrayList;
import java.util.List;

/**
 * One derivation's libvips images. Every image made is kept here and released on {@link #close};
 * {@link #kill} (from the watchdog thread) stops a computation in progress, and the lock makes sure
 * it never touches an image already released. Operations on colours first bring the image to 8-bit sRGB.
 */
final class VipsPipeline implements AutoCloseable {
    private final LibVips vips;
    private final Memory input;
    private final int inputLength;
    private final List<Pointer> images = new ArrayList<>();
    private final List<Pointer> arrays = new ArrayList<>();
    private boolean closed;
    private volatile boolean killed;

    VipsPipeline(LibVips vips, byte[] original) {
        this.vips = vips;
        this.inputLength = original.length;
        this.input = new Memory(original.length);
        input.write(0, original, 0, original.length);
    }

    interface Call {
        int run(PointerByReference out);
    }

    /** Runs a libvips operation writing one image; a failure names {@code step}. */
    Pointer apply(String step, Call call) {
        PointerByReference out = new PointerByReference();
        check(call.run(out), step);
        return track(out.getValue());
    }

    /** The original, decoded lazily (only its header is read until pixels are needed). */
    Pointer header() {
        Pointer image = vips.vips_image_new_from_buffer(input, inputLength, "", (Object) null);
        if (image == null) {
            throw failure("decode");
        }
        return track(image);
    }

    /**
     * The original decoded at {@code width} x {@code height} with shrink-on-load; {@code inMemory} when
     * later operations read it out of order (the decode is sequential).
     */
    Pointer thumbnail(int width, int height, boolean exif, boolean inMemory) {
        Pointer thumbnail = apply("resize", out -> vips.vips_thumbnail_buffer(input, inputLength, out, width, "height", height,
                "size", LibVips.VIPS_SIZE_FORCE, "no_rotate", exif ? 0 : 1, null));
        if (!inMemory) {
            return thumbnail;
        }
        Pointer copy = vips.vips_image_copy_memory(thumbnail);
        if (copy == null) {
            throw failure("resize");
        }
        return track(copy);
    }

    int width(Pointer image) {
        return vips.vips_image_get_width(image);
    }

    int height(Pointer image) {
        return vips.vips_image_get_height(image);
    }

    int bands(Pointer image) {
        return vips.vips_image_get_bands(image);
    }

    boolean hasAlpha(Pointer image) {
        return vips.vips_image_hasalpha(image) != 0;
    }

    /** The EXIF orientation (1-8), 1 when there is none. */
    int orientation(Pointer image) {
        if (vips.vips_image_get_typeof(image, "orientation") == 0) {
            return 1;
        }
        IntByReference value = new IntByReference();
        return vips.vips_image_get_int(image, "orientation", value) == 0 ? value.getValue() : 1;
    }

    /** 8-bit sRGB, alpha kept: what colour operations and backgrounds are defined on. */
    Pointer srgb(Pointer image) {
        if (vips.vips_image_get_interpretation(image) == LibVips.VIPS_INTERPRETATION_SRGB && bands(image) >= 3) {
            return image;
        }
        return apply("convert to sRGB", out -> vips.vips_colourspace(image, out, LibVips.VIPS_INTERPRETATION_SRGB, (Object) null));
    }

    /** {@code colour} as a background for {@code image} (alpha included when the image has it). */
    Pointer background(Pointer image, Rgba colour) {
        return hasAlpha(image) ? array(colour.red(), colour.green(), colour.blue(), colour.alpha())
                : array(colour.red(), colour.green(), colour.blue());
    }

    /** A {@code VipsArrayDouble}, released with the pipeline. */
    Pointer array(double... values) {
        Pointer array = vips.vips_array_double_new(values, values.length);
        arrays.add(array);
        return array;
    }

    /** An 8-bit one-band image of {@code pixels}. */
    Pointer fromBytes(byte[] pixels, int width, int height) {
        Memory memory = new Memory(pixels.length);
        memory.write(0, pixels, 0, pixels.length);
        try {
            Pointer image = vips.vips_image_new_from_memory_copy(memory, pixels.length, width, height, 1, LibVips.VIPS_FORMAT_UCHAR);
            if (image == null) {
                throw failure("mask");
            }
            return track(image);
        } finally {
            memory.close();
        }
    }

    Pointer matrix(int width, int height, double[] values) {
        Pointer matrix = vips.vips_image_new_matrix_from_array(width, height, values, values.length);
        if (matrix == null) {
            throw failure("matrix");
        }
        return track(matrix);
    }

    /** {@code image} encoded as {@code format} at {@code quality} (0: the saver's default); {@code strip} drops all metadata. */
    byte[] encode(Pointer image, String format, int quality, boolean strip) {
        java.util.List<String> options = new ArrayList<>();
        if (quality > 0) {
            options.add("Q=" + quality);
        }
        if (strip) {
            options.add("strip");
        }
        String suffix = "." + format + (options.isEmpty() ? "" : "[" + String.join(",", options) + "]");
        PointerByReference buffer = new PointerByReference();
        LongByReference size = new LongByReference();
        check(vips.vips_image_write_to_buffer(image, suffix, buffer, size, (Object) null), "encode as " + format);
        try {
            return buffer.getValue().getByteArray(0, (int) size.getValue());
        } finally {
            vips.g_free(buffer.getValue());
        }
    }

    LibVips vips() {
        return vips;
    }

    /** Stops every computation of this derivation's images; called from the watchdog. */
    void kill() {
        synchronized (images) {
            if (closed) {
                return;
            }
            killed = true;
            images.forEach(image -> vips.vips_image_set_kill(image, 1));
        }
    }

    boolean killed() {
        return killed;
    }

    @Override
    public void close() {
        synchronized (images) {
            closed = true;
            images.forEach(vips::g_object_unref);
            arrays.forEach(vips::vips_area_unref);
            images.clear();
        }
        // the input must outlive the images decoded from it
        input.close();
    }

    Pointer track(Pointer image) {
        synchronized (images) {
            images.add(image);
            if (killed) {
                vips.vips_image_set_kill(image, 1);
            }
        }
        return image;
    }

    private void check(int status, String step) {
        if (status != 0) {
            throw failure(step);
        }
    }

    private RuntimeException failure(String step) {
        String detail = vips.vips_error_buffer();
        vips.vips_error_clear();
        if (killed) {
            return new TimeBoundExceeded();
        }
        return DarkroomException.badRequest("Image could not be derived (" + step + "): "
                + (detail == null ? "unknown error" : detail.strip().lines().findFirst().orElse("")));
    }

    /** Thrown when the watchdog stopped the computation; the deriver turns it into the answer. */
    static final class TimeBoundExceeded extends RuntimeException {
        TimeBoundExceeded() {
            super(null, null, false, false);
        }
    }
}
