package io.darkroom.infrastructure.derivation.imaging;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The libvips (8.x) and GLib functions Darkroom calls. Optional arguments are C varargs of
 * name/value pairs ending with {@code null} (booleans as ints, colours as {@code VipsArrayDouble}).
 * Images are GObjects: every image returned is released with {@link #g_object_unref}; buffers
 * libvips allocates with {@link #g_free}; arrays with {@link #vips_area_unref}.
 */
interface LibVips extends Library {
    int VIPS_INTERPRETATION_B_W = 1;
    int VIPS_INTERPRETATION_LCH = 19;
    int VIPS_INTERPRETATION_SRGB = 22;
    int VIPS_FORMAT_UCHAR = 0;
    int VIPS_EXTEND_COPY = 1;
    int VIPS_EXTEND_BACKGROUND = 5;
    int VIPS_ANGLE_D90 = 1;
    int VIPS_ANGLE_D180 = 2;
    int VIPS_ANGLE_D270 = 3;
    int VIPS_DIRECTION_HORIZONTAL = 0;
    int VIPS_DIRECTION_VERTICAL = 1;
    int VIPS_INTERESTING_ATTENTION = 3;
    int VIPS_SIZE_FORCE = 3;

    int vips_init(String argv0);

    String vips_error_buffer();

    void vips_error_clear();

    /** Decodes lazily from {@code buffer}, which must stay alive as long as the image. */
    Pointer vips_image_new_from_buffer(Pointer buffer, long length, String options, Object... optional);

    Pointer vips_image_new_from_memory_copy(Pointer data, long size, int width, int height, int bands, int format);

    Pointer vips_image_new_matrix_from_array(int width, int height, double[] array, int size);

    /** Decode with shrink-on-load and resize (options {@code height}, {@code size}, {@code no_rotate}); rotates by EXIF. */
    int vips_thumbnail_buffer(Pointer buffer, long length, PointerByReference out, int width, Object... optional);

    /** Computes {@code image} into memory: what operations reading out of order need after a sequential decode. */
    Pointer vips_image_copy_memory(Pointer image);

    int vips_extract_area(Pointer in, PointerByReference out, int left, int top, int width, int height, Object... optional);

    int vips_extract_band(Pointer in, PointerByReference out, int band, Object... optional);

    int vips_smartcrop(Pointer in, PointerByReference out, int width, int height, Object... optional);

    int vips_resize(Pointer in, PointerByReference out, double scale, Object... optional);

    int vips_embed(Pointer in, PointerByReference out, int x, int y, int width, int height, Object... optional);

    int vips_autorot(Pointer in, PointerByReference out, Object... optional);

    int vips_rot(Pointer in, PointerByReference out, int angle, Object... optional);

    int vips_rotate(Pointer in, PointerByReference out, double angle, Object... optional);

    int vips_flip(Pointer in, PointerByReference out, int direction, Object... optional);

    int vips_colourspace(Pointer in, PointerByReference out, int space, Object... optional);

    int vips_linear(Pointer in, PointerByReference out, double[] a, double[] b, int n, Object... optional);

    int vips_recomb(Pointer in, PointerByReference out, Pointer matrix, Object... optional);

    int vips_cast(Pointer in, PointerByReference out, int format, Object... optional);

    int vips_gaussblur(Pointer in, PointerByReference out, double sigma, Object... optional);

    int vips_sharpen(Pointer in, PointerByReference out, Object... optional);

    int vips_subsample(Pointer in, PointerByReference out, int xfac, int yfac, Object... optional);

    int vips_zoom(Pointer in, PointerByReference out, int xfac, int yfac, Object... optional);

    int vips_flatten(Pointer in, PointerByReference out, Object... optional);

    int vips_addalpha(Pointer in, PointerByReference out, Object... optional);

    int vips_bandjoin2(Pointer in1, Pointer in2, PointerByReference out, Object... optional);

    int vips_multiply(Pointer left, Pointer right, PointerByReference out, Object... optional);

    int vips_image_write_to_buffer(Pointer in, String suffix, PointerByReference buffer, LongByReference size, Object... optional);

    int vips_image_get_width(Pointer image);

    int vips_image_get_height(Pointer image);

    int vips_image_get_bands(Pointer image);

    int vips_image_hasalpha(Pointer image);

    int vips_image_get_interpretation(Pointer image);

    /** 0 when the image has no such metadata field. */
    long vips_image_get_typeof(Pointer image, String name);

    int vips_image_get_int(Pointer image, String name, IntByReference out);

    /** The names of every metadata field of the image: a NULL-terminated array released with {@link #g_strfreev}. */
    Pointer vips_image_get_fields(Pointer image);

    /** Removes a metadata field (of an image no other holds: a fresh {@link #vips_copy}). */
    int vips_image_remove(Pointer image, String name);

    int vips_image_get_blob(Pointer image, String name, PointerByReference data, LongByReference length);

    void vips_image_set_blob_copy(Pointer image, String name, byte[] data, long length);

    /** A new image sharing the pixels, with metadata of its own to change. */
    int vips_copy(Pointer in, PointerByReference out, Object... optional);

    /** Converts pixels to {@code outputProfile} ({@code "srgb"}: the built-in sRGB profile); option {@code embedded} uses the image's profile. */
    int vips_icc_transform(Pointer in, PointerByReference out, String outputProfile, Object... optional);

    void g_strfreev(Pointer strings);

    /** Makes every computation of the image fail soon: how a derivation past its time bound is stopped. */
    void vips_image_set_kill(Pointer image, int kill);

    Pointer vips_array_double_new(double[] array, int n);

    void vips_area_unref(Pointer area);

    void g_object_unref(Pointer object);

    void g_free(Pointer memory);
}
