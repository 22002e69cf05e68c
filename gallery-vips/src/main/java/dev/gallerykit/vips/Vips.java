package dev.gallerykit.vips;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads and initialises libvips once per JVM, and the few helpers every call into it needs. */
final class Vips {

    /** A library name or path that replaces the platform's default one, such as {@code /opt/vips/lib/libvips.so.42}. */
    static final String LIBRARY_PROPERTY = "gallerykit.vips.library";

    static final int MIN_MAJOR = 8;
    static final int MIN_MINOR = 13;

    static final String INSTALL_HINT = "on Debian or Ubuntu run `apt-get install libvips42`, on Fedora `dnf install vips`, "
            + "on macOS `brew install vips`; or name the library with -D" + LIBRARY_PROPERTY + "=/path/to/libvips.so.42";

    private static final Logger log = LoggerFactory.getLogger(Vips.class);

    /**
     * libvips prints its warnings (a damaged file it read past, ...) on standard error; they go to the log
     * instead, at debug: the failures that matter come back as exceptions. Held here so that it is never
     * collected while libvips may call it.
     */
    private static final LibVips.LogHandler WARNINGS = (domain, level, message, data) ->
            log.debug("{}: {}", domain, message);

    private static LibVips library;
    private static String version;
    private static VipsUnavailableException failure;

    private Vips() {
    }

    /** The initialised library; the first call loads it and runs {@code vips_init}. */
    static synchronized LibVips library() {
        if (library == null && failure == null) {
            try {
                library = load();
            } catch (VipsUnavailableException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new VipsUnavailableException(failure.getMessage(), failure);
        }
        return library;
    }

    static synchronized String version() {
        library();
        return version;
    }

    private static LibVips load() {
        String name = System.getProperty(LIBRARY_PROPERTY, defaultName());
        LibVips vips;
        try {
            vips = Native.load(name, LibVips.class);
        } catch (LinkageError e) {
            throw new VipsUnavailableException("libvips is not installed: " + INSTALL_HINT + " (could not load "
                    + name + ": " + e.getMessage() + ")", e);
        }
        int major = vips.vips_version(0);
        int minor = vips.vips_version(1);
        int micro = vips.vips_version(2);
        if (major < MIN_MAJOR || (major == MIN_MAJOR && minor < MIN_MINOR)) {
            throw new VipsUnavailableException("libvips " + major + "." + minor + "." + micro + " is too old: "
                    + "GalleryKit needs " + MIN_MAJOR + "." + MIN_MINOR + " or newer (" + INSTALL_HINT + ")");
        }
        if (vips.vips_init("gallerykit") != 0) {
            throw new VipsUnavailableException("libvips " + major + "." + minor + "." + micro
                    + " could not start: " + takeError(vips));
        }
        // Only the loaders of the formats GalleryKit accepts should ever see an upload; this also keeps
        // ImageMagick, PDF and the other loaders libvips marks untrusted away from it.
        vips.vips_block_untrusted_set(1);
        vips.g_log_set_handler("VIPS", LibVips.G_LOG_LEVEL_WARNING, WARNINGS, null);
        version = major + "." + minor + "." + micro;
        return vips;
    }

    private static String defaultName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "libvips-42";
        }
        if (os.contains("mac")) {
            return "vips";
        }
        return "libvips.so.42"; // the runtime package has only the versioned name; libvips.so comes with -dev
    }

    /** Applies the process-wide settings. */
    static synchronized void apply(LibVips vips, VipsSettings settings) {
        vips.vips_concurrency_set(settings.threads());
        vips.vips_cache_set_max(settings.cacheOperations());
        vips.vips_cache_set_max_mem(settings.cacheMemoryBytes());
        vips.vips_cache_set_max_files(settings.cacheFiles());
    }

    /**
     * Takes libvips's error text and clears it. The buffer is shared by every thread, so under concurrent
     * failures a message may be another call's, or empty; the failing call itself is always detected by
     * its return value.
     */
    static String takeError(LibVips vips) {
        Pointer text = vips.vips_error_buffer_copy();
        if (text == null) {
            return "no message";
        }
        try {
            String message = text.getString(0, StandardCharsets.UTF_8.name()).strip().replaceAll("\\s*\n\\s*", "; ");
            return message.isEmpty() ? "no message" : message;
        } finally {
            vips.g_free(text);
        }
    }

    /** The name as C sees it: NUL-terminated, in the encoding the JVM uses for file names. */
    static byte[] fileName(Path file) {
        String encoding = System.getProperty("sun.jnu.encoding");
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                : Charset.defaultCharset();
        byte[] name = file.toAbsolutePath().toString().getBytes(charset);
        byte[] terminated = new byte[name.length + 1];
        System.arraycopy(name, 0, terminated, 0, name.length);
        return terminated;
    }
}
