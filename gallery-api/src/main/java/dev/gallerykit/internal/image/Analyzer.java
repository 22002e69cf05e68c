package dev.gallerykit.internal.image;

import com.drew.metadata.Metadata;
import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.image.ImageAnalysis;
import dev.gallerykit.image.MediaType;
import java.nio.file.Path;

/** The analysis step of {@link dev.gallerykit.image.ImagePipeline#analyze}: type, pixel limit and metadata, without decoding pixels. */
public final class Analyzer {

    private Analyzer() {
    }

    public static ImageAnalysis analyze(Path file, long maxPixels) {
        MediaType type = MediaTypeSniffer.sniff(file);
        if (type == MediaType.GIF) {
            GifBlocks.checkExtensions(file);
        }
        if (type == MediaType.TIFF) {
            // The size is in the first directory, which the bounded metadata walk reads anyway; an ImageIO
            // reader would parse every directory, with values of any size, to answer getWidth.
            Metadata metadata = ExifReader.readRaw(file, type);
            Dimensions size = ExifReader.tiffDimensions(metadata);
            ImageFiles.checkDecodable(type, size, maxPixels);
            return new ImageAnalysis(type, ExifReader.read(metadata).dimensions(size).build());
        }
        if (type.decodable()) {
            // Refuse a decompression bomb on its header, before even metadata-extractor walks the file.
            Dimensions size = ImageFiles.headerDimensions(file, type);
            ImageFiles.checkDecodable(type, size, maxPixels);
            Metadata metadata = ExifReader.readRaw(file, type);
            return new ImageAnalysis(type, ExifReader.read(metadata).dimensions(size).build());
        }
        // HEIC and AVIF, which ImageIO cannot open: accepted only with a valid primary image item, whose
        // own size (not a tile's) is recorded and checked. The container says how it displays (irot);
        // an EXIF orientation, which phones write as well, only describes that and is not applied again.
        HeifBoxes.PrimaryImage primary = HeifBoxes.primaryImage(file, type);
        ImageFiles.checkPixels(primary.size(), maxPixels);
        return new ImageAnalysis(type, ExifReader.read(ExifReader.readRaw(file, type))
                .dimensions(primary.size()).orientation(primary.orientation()).build());
    }
}
