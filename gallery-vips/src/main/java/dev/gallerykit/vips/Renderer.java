package dev.gallerykit.vips;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One render: header check, one shrink-on-load decode to the largest size, sRGB 8-bit without alpha,
 * upright, then each smaller size from the one before. Every libvips object it makes is released when
 * it ends, whatever happens.
 */
final class Renderer implements AutoCloseable {

    static final String CORRUPT = "the image data is truncated or corrupt";

    private static final double[] WHITE = {255, 255, 255};

    /** Ends the optional arguments of a libvips call, as NULL does in C. */
    private static final Object END = null;

    private final LibVips vips;
    private final Deque<Pointer> objects = new ArrayDeque<>();

    Renderer(LibVips vips) {
        this.vips = vips;
    }

    /** @param sizes long edges, largest first, not empty; @param loaders the loader names that may read the type */
    List<Rendition> render(Path file, MediaType type, List<String> loaders, int orientation, List<Integer> sizes,
                           long maxPixels, int quality) {
        Pointer source = open(file);
        String loader = vips.vips_foreign_find_load_source(source);
        if (loader == null) {
            throw new UnsupportedMediaException("libvips does not recognise the file as an image ("
                    + Vips.takeError(vips) + ")");
        }
        if (loaders.stream().noneMatch(loader::startsWith)) {
            throw new UnsupportedMediaException("the file is not a " + type.mimeType() + ": libvips reads it with "
                    + loader);
        }
        Dimensions original = header(source);
        if (original.pixels() > maxPixels) {
            throw new LimitExceededException("pixels", maxPixels, "the image is " + original);
        }

        Dimensions largest = Fit.fit(original, sizes.get(0));
        PointerByReference out = new PointerByReference();
        // Shrink-on-load (DCT scaling for JPEG, the smaller pyramid level or embedded thumbnail elsewhere),
        // sequential reads, and a truncated or damaged file an error rather than grey pixels. FORCE gives
        // exactly the size the pure-Java engine makes; the orientation is ours to apply, not the file's.
        // thumbnail_source of 8.14 does not hand its own fail_on to the loader, so the loader gets it too.
        Pointer image = check(vips.vips_thumbnail_source(source, out, largest.width(), "height", largest.height(),
                "size", LibVips.VIPS_SIZE_FORCE, "no_rotate", 1, "fail_on", LibVips.VIPS_FAIL_ON_ERROR,
                "option_string", "fail_on=error", END), out);
        image = srgb8(image);
        // The one decode: evaluated into memory here; every rendition is made from these pixels.
        image = checkImage(vips.vips_image_copy_memory(image));
        image = upright(image, orientation);

        List<Rendition> renditions = new ArrayList<>(sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            Dimensions target = Fit.oriented(Fit.fit(original, sizes.get(i)), orientation);
            if (i > 0) {
                image = resize(image, target);
            }
            image = exactly(image, target);
            renditions.add(new Rendition(sizes.get(i), target, jpeg(image, quality)));
            if (i + 1 < sizes.size()) {
                image = checkImage(vips.vips_image_copy_memory(image));
            }
        }
        return List.copyOf(renditions);
    }

    private Pointer open(Path file) {
        Pointer source = vips.vips_source_new_from_file(Vips.fileName(file));
        if (source == null) {
            throw new StorageUnavailableException("could not read " + file, new IOException(Vips.takeError(vips)));
        }
        return track(source);
    }

    /** Width and height from the header only: no pixel is decoded. */
    private Dimensions header(Pointer source) {
        Pointer image = checkImage(vips.vips_image_new_from_source(source, "",
                "access", LibVips.VIPS_ACCESS_SEQUENTIAL, END));
        int width = vips.vips_image_get_width(image);
        int height = vips.vips_image_get_height(image);
        if (width <= 0 || height <= 0) {
            throw new UnsupportedMediaException(CORRUPT + " (it declares " + width + "x" + height + " pixels)");
        }
        return new Dimensions(width, height);
    }

    /** CMYK, grey, 16-bit and palette images to 8-bit sRGB; alpha flattened on white. */
    private Pointer srgb8(Pointer image) {
        PointerByReference out = new PointerByReference();
        if (vips.vips_image_get_interpretation(image) != LibVips.VIPS_INTERPRETATION_SRGB
                || vips.vips_image_get_format(image) != LibVips.VIPS_FORMAT_UCHAR) {
            image = check(vips.vips_colourspace(image, out, LibVips.VIPS_INTERPRETATION_SRGB, END), out);
        }
        if (vips.vips_image_hasalpha(image) != 0) {
            Pointer background = vips.vips_array_double_new(WHITE, WHITE.length);
            try {
                image = check(vips.vips_flatten(image, out, "background", background, END), out);
            } finally {
                vips.vips_area_unref(background);
            }
        }
        if (vips.vips_image_get_bands(image) > 3) {
            image = check(vips.vips_extract_band(image, out, 0, "n", 3, END), out);
        }
        if (vips.vips_image_get_format(image) != LibVips.VIPS_FORMAT_UCHAR) {
            image = check(vips.vips_cast(image, out, LibVips.VIPS_FORMAT_UCHAR, END), out);
        }
        return image;
    }

    /** The EXIF orientation, 1 to 8, applied as rotations and mirrors. */
    private Pointer upright(Pointer image, int orientation) {
        PointerByReference out = new PointerByReference();
        return switch (orientation) {
            case 1 -> image;
            case 2 -> check(vips.vips_flip(image, out, LibVips.VIPS_DIRECTION_HORIZONTAL, END), out);
            case 3 -> check(vips.vips_rot(image, out, LibVips.VIPS_ANGLE_D180, END), out);
            case 4 -> check(vips.vips_flip(image, out, LibVips.VIPS_DIRECTION_VERTICAL, END), out);
            case 5 -> mirrored(check(vips.vips_rot(image, out, LibVips.VIPS_ANGLE_D90, END), out));
            case 6 -> check(vips.vips_rot(image, out, LibVips.VIPS_ANGLE_D90, END), out);
            case 7 -> mirrored(check(vips.vips_rot(image, out, LibVips.VIPS_ANGLE_D270, END), out));
            case 8 -> check(vips.vips_rot(image, out, LibVips.VIPS_ANGLE_D270, END), out);
            default -> throw new IllegalArgumentException("orientation must be within [1, 8], was " + orientation);
        };
    }

    private Pointer mirrored(Pointer image) {
        PointerByReference out = new PointerByReference();
        return check(vips.vips_flip(image, out, LibVips.VIPS_DIRECTION_HORIZONTAL, END), out);
    }

    private Pointer resize(Pointer image, Dimensions target) {
        double hscale = (double) target.width() / vips.vips_image_get_width(image);
        double vscale = (double) target.height() / vips.vips_image_get_height(image);
        PointerByReference out = new PointerByReference();
        return check(vips.vips_resize(image, out, hscale, "vscale", vscale, END), out);
    }

    /**
     * libvips rounds each scale step on its own, so a size could come out a pixel off the one asked for
     * (none of 750 random cases did with 8.14): the last row or column is then repeated or cut.
     */
    private Pointer exactly(Pointer image, Dimensions target) {
        int width = vips.vips_image_get_width(image);
        int height = vips.vips_image_get_height(image);
        if (width == target.width() && height == target.height()) {
            return image;
        }
        if (Math.abs(width - target.width()) > 2 || Math.abs(height - target.height()) > 2) {
            throw new UnsupportedMediaException("libvips made " + width + "x" + height + " pixels where " + target
                    + " were asked for");
        }
        PointerByReference out = new PointerByReference();
        return check(vips.vips_embed(image, out, 0, 0, target.width(), target.height(),
                "extend", LibVips.VIPS_EXTEND_COPY, END), out);
    }

    /** A baseline JPEG with no metadata at all (no EXIF, XMP, IPTC or ICC profile). */
    private byte[] jpeg(Pointer image, int quality) {
        PointerByReference buffer = new PointerByReference();
        LongByReference length = new LongByReference();
        int result = vips.vips_jpegsave_buffer(image, buffer, length, "Q", quality, "strip", 1,
                "optimize_coding", 1, "interlace", 0, END);
        Pointer bytes = buffer.getValue();
        try {
            if (result != 0 || bytes == null) {
                throw corrupt();
            }
            return bytes.getByteArray(0, Math.toIntExact(length.getValue()));
        } finally {
            if (bytes != null) {
                vips.g_free(bytes);
            }
        }
    }

    private Pointer check(int result, PointerByReference out) {
        Pointer image = out.getValue();
        out.setValue(null); // the reference is reused by the next step; a failed operation sets no output
        if (result != 0 || image == null) {
            throw corrupt();
        }
        return track(image);
    }

    private Pointer checkImage(Pointer image) {
        if (image == null) {
            throw corrupt();
        }
        return track(image);
    }

    private UnsupportedMediaException corrupt() {
        return new UnsupportedMediaException(CORRUPT + " (libvips: " + Vips.takeError(vips) + ")");
    }

    private Pointer track(Pointer object) {
        objects.push(object);
        return object;
    }

    /** Releases every image and the source, newest first. */
    @Override
    public void close() {
        while (!objects.isEmpty()) {
            vips.g_object_unref(objects.pop());
        }
    }
}
