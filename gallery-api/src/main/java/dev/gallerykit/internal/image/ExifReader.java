package dev.gallerykit.internal.image;

import com.drew.imaging.FileType;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.tiff.TiffReader;
import com.drew.lang.RandomAccessFileReader;
import com.drew.lang.RandomAccessReader;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifTiffHandler;
import com.drew.metadata.exif.GpsDirectory;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.GeoPoint;
import dev.gallerykit.domain.ImageMetadata;
import dev.gallerykit.domain.TakenAt;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.MediaType;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads EXIF (and, for containers ImageIO cannot open, the pixel size) with metadata-extractor.
 * Anything malformed counts as absent: a photo with a broken EXIF block is still a photo.
 */
final class ExifReader {

    private static final Logger log = LoggerFactory.getLogger(ExifReader.class);

    /** {@code 2024:07:14 21:30:00}; some writers use dashes or a {@code T}. */
    private static final Pattern EXIF_DATE =
            Pattern.compile("(\\d{4})[:-](\\d{2})[:-](\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})");

    private ExifReader() {
    }

    /** Everything metadata-extractor finds; empty when the metadata cannot be parsed. */
    static Metadata readRaw(Path file, MediaType type) {
        try {
            switch (type) {
                case PNG -> {
                    // Only the chunks worth reading: the reader would inflate compressed text and profiles without bound.
                    byte[] view = PngChunks.metadataView(file);
                    return ImageMetadataReader.readMetadata(new ByteArrayInputStream(view), view.length, fileType(type));
                }
                case WEBP -> {
                    // Without XMP, which the reader would build into a document of any size.
                    byte[] view = WebpChunks.metadataView(file);
                    return ImageMetadataReader.readMetadata(new ByteArrayInputStream(view), view.length, fileType(type));
                }
                case JPEG -> {
                    // The EXIF segments only: XMP (extended XMP spans any number of segments) is never read.
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                        return JpegMetadataReader.readMetadata(in, List.of(new com.drew.metadata.exif.ExifReader()));
                    }
                }
                case GIF, BMP -> {
                    // A GIF has no EXIF (its XMP extension is all the reader would add), nor has a BMP.
                    return new Metadata();
                }
                case TIFF -> {
                    // The file is one big TIFF structure: walked with bounds of our own (see BoundedTiffHandler).
                    Metadata metadata = new Metadata();
                    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                        new TiffReader().processTiff(new RandomAccessFileReader(raf), new BoundedTiffHandler(metadata), 0);
                    }
                    return metadata;
                }
                default -> {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                        return ImageMetadataReader.readMetadata(in, Files.size(file), fileType(type));
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new StorageUnavailableException("could not read " + file, e);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            log.debug("ignoring unreadable metadata of {}: {}", file, e.toString());
            return new Metadata();
        } catch (StackOverflowError e) {
            // XMP inside an EXIF block (tag 0x02BC) is parsed recursively: a few thousand nested elements,
            // within the bounded EXIF, overflow the stack. The error is thrown and unwound in this call,
            // whose parser state is all discarded, so the metadata counts as unreadable like any other.
            log.debug("ignoring metadata of {} nested too deep to parse", file);
            return new Metadata();
        }
    }

    /**
     * The size of a TIFF's first image, from its first directory (ImageWidth, ImageLength).
     *
     * @throws UnsupportedMediaException when the directory gives no size
     */
    static Dimensions tiffDimensions(Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        Long width = ifd0 == null ? null : attempt(() -> ifd0.getLongObject(ExifDirectoryBase.TAG_IMAGE_WIDTH));
        Long height = ifd0 == null ? null : attempt(() -> ifd0.getLongObject(ExifDirectoryBase.TAG_IMAGE_HEIGHT));
        if (width == null || height == null || width < 1 || height < 1
                || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new UnsupportedMediaException("the TIFF file is not a valid image: its first directory gives no size"
                    + (width != null && height != null ? " (it says " + width + "x" + height + ")" : ""));
        }
        return new Dimensions(width.intValue(), height.intValue());
    }

    /**
     * metadata-extractor's EXIF handler, bounded for a file that is all TIFF structure and may be as big
     * as an upload: the tags that hold other formats (XMP, IPTC, Photoshop resources, ICC profiles, maker
     * notes, PrintIM), which it would parse with no bound of ours, are skipped, as is any value over
     * {@link #MAX_TAG_BYTES} (one strip of pixels can be megabytes, and every tag may point at the same
     * one); at most {@link #MAX_DIRECTORIES} directories are entered, so a chain of them cannot recurse
     * deeply.
     */
    private static final class BoundedTiffHandler extends ExifTiffHandler {

        static final int MAX_TAG_BYTES = 64 * 1024;
        static final int MAX_DIRECTORIES = 16;
        private static final Set<Integer> SKIPPED = Set.of(0x02BC, 0x83BB, 0x8649, 0x8773, 0x927C, 0xC4A5);

        private int directories = 1;

        BoundedTiffHandler(Metadata metadata) {
            super(metadata, null, 0);
        }

        @Override
        public boolean customProcessTag(int tagOffset, Set<Integer> processedIfdOffsets, int tiffHeaderOffset,
                                        RandomAccessReader reader, int tagId, int byteCount) throws IOException {
            if (SKIPPED.contains(tagId) || byteCount > MAX_TAG_BYTES) {
                return true; // consumed: nothing is read
            }
            return super.customProcessTag(tagOffset, processedIfdOffsets, tiffHeaderOffset, reader, tagId, byteCount);
        }

        @Override
        public boolean tryEnterSubIfd(int tagId) {
            if (directories >= MAX_DIRECTORIES) {
                return false;
            }
            boolean entered = super.tryEnterSubIfd(tagId);
            if (entered) {
                directories++;
            }
            return entered;
        }

        @Override
        public boolean hasFollowerIfd() {
            if (directories >= MAX_DIRECTORIES) {
                return false;
            }
            boolean follows = super.hasFollowerIfd();
            if (follows) {
                directories++;
            }
            return follows;
        }
    }

    /** Every EXIF field the domain knows; dimensions are left to the caller. */
    static ImageMetadata.Builder read(Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        return ImageMetadata.builder()
                .orientation(orientation(ifd0))
                .takenAt(attempt(() -> takenAt(ifd0, exif)))
                .cameraMake(text(ifd0, ExifDirectoryBase.TAG_MAKE))
                .cameraModel(text(ifd0, ExifDirectoryBase.TAG_MODEL))
                .lens(text(exif, ExifDirectoryBase.TAG_LENS_MODEL))
                .focalLength(positive(exif, ExifDirectoryBase.TAG_FOCAL_LENGTH))
                .aperture(positive(exif, ExifDirectoryBase.TAG_FNUMBER))
                .exposureTime(positive(exif, ExifDirectoryBase.TAG_EXPOSURE_TIME))
                .iso(attempt(() -> iso(exif)))
                .location(attempt(() -> location(gps)));
    }

    private static int orientation(Directory ifd0) {
        Integer value = attempt(() -> ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION));
        return value != null && value >= 1 && value <= 8 ? value : 1;
    }

    private static TakenAt takenAt(Directory ifd0, Directory exif) {
        LocalDateTime original = date(text(exif, ExifDirectoryBase.TAG_DATETIME_ORIGINAL));
        if (original != null) {
            return new TakenAt(original, offset(text(exif, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL)));
        }
        // DateTime is when the file was last changed: second best, paired with its own offset tag.
        LocalDateTime changed = date(text(ifd0, ExifDirectoryBase.TAG_DATETIME));
        return changed == null ? null : new TakenAt(changed, offset(text(exif, ExifDirectoryBase.TAG_TIME_ZONE)));
    }

    private static LocalDateTime date(String text) {
        Matcher m = text == null ? null : EXIF_DATE.matcher(text);
        if (m == null || !m.lookingAt()) {
            return null;
        }
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)));
        } catch (DateTimeException e) {
            return null; // "0000:00:00 00:00:00" and friends
        }
    }

    private static Optional<ZoneOffset> offset(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneOffset.of(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Integer iso(Directory exif) {
        if (exif == null) {
            return null;
        }
        Integer iso = exif.getInteger(ExifDirectoryBase.TAG_ISO_EQUIVALENT);
        if (iso == null) {
            int[] values = exif.getIntArray(ExifDirectoryBase.TAG_ISO_EQUIVALENT);
            iso = values == null || values.length == 0 ? null : values[0];
        }
        return iso != null && iso > 0 ? iso : null;
    }

    private static GeoPoint location(GpsDirectory gps) {
        GeoLocation position = gps == null ? null : gps.getGeoLocation();
        // Receivers without a fix often write 0/0; nobody photographs that spot in the Gulf of Guinea.
        if (position == null || position.isZero()) {
            return null;
        }
        Double altitude = rational(gps, GpsDirectory.TAG_ALTITUDE);
        if (altitude != null && Integer.valueOf(1).equals(gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF))) {
            altitude = -altitude;
        }
        try {
            return new GeoPoint(position.getLatitude(), position.getLongitude(), Optional.ofNullable(altitude));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Directory directory, int tag) {
        String value = attempt(() -> directory == null ? null : directory.getString(tag));
        if (value == null) {
            return null;
        }
        // Also drops the NUL padding some cameras leave; every store then keeps the same text.
        return MetadataText.clean(value).orElse(null);
    }

    private static Double positive(Directory directory, int tag) {
        Double value = rational(directory, tag);
        return value != null && value > 0 ? value : null;
    }

    private static Double rational(Directory directory, int tag) {
        Rational value = attempt(() -> directory == null ? null : directory.getRational(tag));
        if (value == null || value.getDenominator() == 0) {
            return null;
        }
        double result = value.doubleValue();
        return Double.isFinite(result) ? result : null;
    }

    /** metadata-extractor's typed getters can throw on values of an unexpected type. */
    private static <T> T attempt(Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static FileType fileType(MediaType type) {
        return switch (type) {
            case JPEG -> FileType.Jpeg;
            case PNG -> FileType.Png;
            case GIF -> FileType.Gif;
            case WEBP -> FileType.WebP;
            case HEIC, AVIF -> FileType.Heif;
            case TIFF -> FileType.Tiff;
            case BMP -> FileType.Bmp;
        };
    }
}
