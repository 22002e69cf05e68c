package dev.gallerykit.examples.tours;

import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.RationalNumber;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * The photos the tours upload: JPEGs drawn here, each with the EXIF a phone would write (camera,
 * when it was taken with its UTC offset, where), so that the searches by date and by place have
 * something to find. Same bytes on every run.
 */
final class SamplePhotos {

    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    // Not among commons-imaging's constants: the offset of DateTimeOriginal (EXIF 2.31).
    private static final TagInfoAscii OFFSET_TIME_ORIGINAL =
            new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);
    static final int WIDTH = 1600;
    static final int HEIGHT = 1200;

    /** A photo to upload into one of the tour's albums. */
    record Sample(String album, Fixture file, String title, String description, List<String> tags) {
    }

    /** Lisbon and Kyoto photos drawn here, and the test kit's Eiffel Tower shot (stored sideways, orientation 6). */
    static List<Sample> all() {
        return List.of(
                new Sample("Lisbon 2025", jpeg("IMG_2001.jpg", 1, OffsetDateTime.parse("2025-05-02T09:15:00+01:00"),
                        38.7139, -9.1334), "Tram 28", "The yellow tram climbing to Graça", List.of("tram", "street")),
                new Sample("Lisbon 2025", jpeg("IMG_2002.jpg", 2, OffsetDateTime.parse("2025-05-02T13:40:00+01:00"),
                        38.7110, -9.1300), "Azulejos", "Blue tiles on a church wall", List.of("tiles")),
                new Sample("Lisbon 2025", jpeg("IMG_2003.jpg", 3, OffsetDateTime.parse("2025-05-03T20:55:00+01:00"),
                        38.6916, -9.2160), "Belém sunset", "Sunset over the Tagus", List.of("sunset", "river")),
                new Sample("Paris 2024", PhotoFixtures.aJpegWithExif(), "Eiffel Tower", "Bastille Day at night",
                        List.of("night", "tower")),
                new Sample("Kyoto 2023", jpeg("IMG_3001.jpg", 4, OffsetDateTime.parse("2023-11-20T07:30:00+09:00"),
                        34.9671, 135.7727), "Fushimi Inari", "A thousand gates before breakfast", List.of("shrine")),
                new Sample("Kyoto 2023", jpeg("IMG_3002.jpg", 5, OffsetDateTime.parse("2023-11-21T16:10:00+09:00"),
                        35.0394, 135.7292), "Kinkaku-ji", "Gold leaf and a sunset on the pond",
                        List.of("sunset", "temple")));
    }

    /** A {@value #WIDTH}x{@value #HEIGHT} JPEG taken at {@code takenAt} at the given GPS position. */
    static Fixture jpeg(String fileName, long seed, OffsetDateTime takenAt, double latitude, double longitude) {
        try {
            TiffOutputSet exif = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
            TiffOutputDirectory root = exif.getOrCreateRootDirectory();
            root.add(TiffTagConstants.TIFF_TAG_MAKE, "GalleryKit");
            root.add(TiffTagConstants.TIFF_TAG_MODEL, "Tour Phone");
            TiffOutputDirectory sub = exif.getOrCreateExifDirectory();
            sub.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_DATE.format(takenAt));
            sub.add(OFFSET_TIME_ORIGINAL, takenAt.getOffset().getId());
            sub.add(ExifTagConstants.EXIF_TAG_FOCAL_LENGTH, RationalNumber.valueOf(4.2));
            sub.add(ExifTagConstants.EXIF_TAG_FNUMBER, RationalNumber.valueOf(1.8));
            sub.add(ExifTagConstants.EXIF_TAG_ISO, (short) 100);
            exif.setGpsInDegrees(longitude, latitude);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossy(picture(seed), out, exif);
            return new Fixture(fileName, out.toByteArray());
        } catch (ImagingException e) {
            throw new IllegalStateException("could not write the EXIF of " + fileName, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sky gradient, a few hills and a sun, drawn from the seed: each sample looks different and has its own SHA-256. */
    private static byte[] picture(long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, randomColor(random), 0, HEIGHT, randomColor(random)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 4; i++) {
            g.setColor(randomColor(random).darker());
            int width = WIDTH / 2 + random.nextInt(WIDTH);
            g.fillOval(random.nextInt(WIDTH) - width / 2, HEIGHT / 2 + random.nextInt(HEIGHT / 3), width, HEIGHT);
        }
        // A sun, placed by the seed: no text, since a headless JVM may have no fonts.
        g.setColor(new Color(255, 236, 160));
        g.fillOval(random.nextInt(WIDTH - HEIGHT / 5), random.nextInt(HEIGHT / 3), HEIGHT / 5, HEIGHT / 5);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "jpeg", out)) {
            throw new IllegalStateException("no JPEG writer in this JVM");
        }
        return out.toByteArray();
    }

    private static Color randomColor(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private SamplePhotos() {
    }
}
