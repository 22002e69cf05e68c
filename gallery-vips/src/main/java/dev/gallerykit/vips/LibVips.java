package dev.gallerykit.vips;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of the libvips 8 C API the engine calls. Optional arguments are name/value pairs ended by a
 * null, as in C; {@code size_t} is a Java {@code long} (64-bit platforms only). File names are passed as
 * NUL-terminated bytes in the platform's file-name encoding.
 */
interface LibVips extends Library {

    int VIPS_ACCESS_SEQUENTIAL = 1;
    int VIPS_FAIL_ON_ERROR = 2;
    int VIPS_SIZE_FORCE = 3;
    int VIPS_ANGLE_D90 = 1;
    int VIPS_ANGLE_D180 = 2;
    int VIPS_ANGLE_D270 = 3;
    int VIPS_DIRECTION_HORIZONTAL = 0;
    int VIPS_DIRECTION_VERTICAL = 1;
    int VIPS_INTERPRETATION_SRGB = 22;
    int VIPS_FORMAT_UCHAR = 0;
    int VIPS_EXTEND_COPY = 1;

    int G_LOG_LEVEL_WARNING = 1 << 4;

    /** GLib's {@code GLogFunc}. */
    interface LogHandler extends Callback {
        void invoke(String domain, int level, String message, Pointer data);
    }

    int g_log_set_handler(String domain, int levels, LogHandler handler, Pointer data);

    int vips_init(String argv0);

    int vips_version(int flag);

    void vips_concurrency_set(int concurrency);

    int vips_concurrency_get();

    void vips_cache_set_max(int max);

    int vips_cache_get_max();

    long vips_cache_get_max_mem();

    int vips_cache_get_max_files();

    void vips_cache_set_max_mem(long maxBytes);

    void vips_cache_set_max_files(int max);

    void vips_block_untrusted_set(int state);

    Pointer vips_error_buffer_copy();

    void g_free(Pointer memory);

    void g_object_unref(Pointer object);

    long g_type_from_name(String name);

    int vips_enum_from_nick(String domain, long type, String nick);

    Pointer vips_source_new_from_file(byte[] filename);

    String vips_foreign_find_load_source(Pointer source);

    Pointer vips_image_new_from_source(Pointer source, String options, Object... optional);

    int vips_image_get_width(Pointer image);

    int vips_image_get_height(Pointer image);

    int vips_image_get_bands(Pointer image);

    int vips_image_get_format(Pointer image);

    int vips_image_get_interpretation(Pointer image);

    int vips_image_hasalpha(Pointer image);

    int vips_thumbnail_source(Pointer source, PointerByReference out, int width, Object... optional);

    int vips_colourspace(Pointer in, PointerByReference out, int space, Object... optional);

    int vips_flatten(Pointer in, PointerByReference out, Object... optional);

    int vips_extract_band(Pointer in, PointerByReference out, int band, Object... optional);

    int vips_cast(Pointer in, PointerByReference out, int format, Object... optional);

    int vips_rot(Pointer in, PointerByReference out, int angle, Object... optional);

    int vips_flip(Pointer in, PointerByReference out, int direction, Object... optional);

    int vips_embed(Pointer in, PointerByReference out, int x, int y, int width, int height, Object... optional);

    int vips_resize(Pointer in, PointerByReference out, double scale, Object... optional);

    Pointer vips_image_copy_memory(Pointer image);

    int vips_jpegsave_buffer(Pointer in, PointerByReference buffer, LongByReference length, Object... optional);

    Pointer vips_array_double_new(double[] values, int count);

    void vips_area_unref(Pointer area);

    int vips_black(PointerByReference out, int width, int height, Object... optional);

    int vips_gaussnoise(PointerByReference out, int width, int height, Object... optional);

    Pointer vips_image_new_from_memory_copy(byte[] data, long size, int width, int height, int bands, int format);

    int vips_image_write_to_file(Pointer image, byte[] filename, Object... optional);
}
