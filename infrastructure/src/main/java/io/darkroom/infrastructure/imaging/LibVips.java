package io.darkroom.infrastructure.imaging;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few libvips (8.x) and GLib functions Darkroom calls. Optional arguments are C varargs of
 * name/value pairs ending with {@code null}. Images are GObjects: every image returned is released
 * with {@link #g_object_unref}; buffers libvips allocates with {@link #g_free}.
 */
interface LibVips extends Library {
    int vips_init(String argv0);

    String vips_error_buffer();

    void vips_error_clear();

    /** Decodes lazily from {@code buffer}, which must stay alive as long as the image. */
    Pointer vips_image_new_from_buffer(Pointer buffer, long length, String options, Object... optional);

    /**
     * Decode with shrink-on-load and resize to fit {@code width} x the optional {@code height}
     * (options {@code height}, {@code size}, {@code crop}); rotates by the EXIF orientation.
     */
    int vips_thumbnail_buffer(Pointer buffer, long length, PointerByReference out, int width, Object... optional);

    int vips_extract_area(Pointer in, PointerByReference out, int left, int top, int width, int height, Object... optional);

    int vips_resize(Pointer in, PointerByReference out, double scale, Object... optional);

    int vips_autorot(Pointer in, PointerByReference out, Object... optional);

    int vips_image_write_to_buffer(Pointer in, String suffix, PointerByReference buffer, LongByReference size, Object... optional);

    int vips_image_get_width(Pointer image);

    int vips_image_get_height(Pointer image);

    void g_object_unref(Pointer object);

    void g_free(Pointer memory);
}
