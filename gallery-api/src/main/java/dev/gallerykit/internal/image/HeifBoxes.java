package dev.gallerykit.internal.image;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.MediaType;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The primary image of a HEIF file (ISO/IEC 23008-12), read from its boxes: the top-level
 * {@code meta} box names the primary item ({@code pitm}), whose type ({@code iinf}) must be a coded
 * or derived image, and whose size is the {@code ispe} property associated with it ({@code iprp}:
 * {@code ipco} and {@code ipma}). For a phone's grid image that is the whole picture (4032x3024),
 * not one of its 512x512 tiles. A file that only starts like HEIF (an {@code ftyp} box, then
 * anything) has no such item and is refused.
 *
 * <p>Only the {@code meta} box is read into memory, and only up to {@link #MAX_META_BYTES}; every
 * other box is skipped by its declared size, which must fit in the file.
 */
final class HeifBoxes {

    /** Far more than the item tables of any camera file (an iPhone's are a few KB). */
    static final int MAX_META_BYTES = 4 << 20;

    /** Derived image items: a grid, overlay or identity of coded ones. */
    private static final Set<String> DERIVED_ITEM_TYPES = Set.of("grid", "iovl", "iden");

    private HeifBoxes() {
    }

    /**
     * The primary image as stored, and how it is displayed.
     *
     * @param size        its {@code ispe}: the coded size, before any rotation
     * @param orientation the EXIF orientation code its {@code irot} property amounts to (1, 8, 3 or 6 for
     *                    0, 90, 180 or 270 degrees anticlockwise); 1 when it has none
     */
    record PrimaryImage(Dimensions size, int orientation) {
    }

    /**
     * The primary image, checked as far as the item tables go: its item must be coded as the type says
     * (HEVC for HEIC, AV1 for AVIF) or derived. Its orientation comes from the container, which is what
     * HEIF readers (libheif, and so libvips) apply; an EXIF orientation in the file only describes it.
     */
    static PrimaryImage primaryImage(Path file, MediaType type) {
        String coded = switch (type) {
            case HEIC -> "hvc1";
            case AVIF -> "av01";
            default -> throw new IllegalArgumentException(type + " is no HEIF type");
        };
        ByteBuffer meta = metaBox(file);
        try {
            return primaryImage(meta, coded);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw corrupt("its item tables are cut short or inconsistent");
        }
    }

    private static ByteBuffer metaBox(Path file) {
        try (InputStream raw = Files.newInputStream(file); InputStream in = new BufferedInputStream(raw)) {
            long remaining = Files.size(file);
            boolean first = true;
            while (remaining >= 8) {
                ByteBuffer header = ByteBuffer.wrap(in.readNBytes(8));
                long size = Integer.toUnsignedLong(header.getInt());
                String type = fourCc(header);
                int headerLength = 8;
                if (size == 1) {
                    size = new DataInputStream(in).readLong(); // an EOFException when the file ends inside it
                    headerLength = 16;
                } else if (size == 0) {
                    size = remaining;
                }
                if (size < headerLength || size > remaining) {
                    throw corrupt("box '" + printable(type) + "' declares " + size + " bytes, more than the file has");
                }
                if (first && !type.equals("ftyp")) {
                    throw corrupt("it does not start with an 'ftyp' box");
                }
                first = false;
                long payload = size - headerLength;
                if (type.equals("meta")) {
                    if (payload > MAX_META_BYTES) {
                        throw corrupt("its 'meta' box declares " + payload + " bytes, more than " + MAX_META_BYTES);
                    }
                    byte[] body = in.readNBytes((int) payload);
                    if (body.length < payload) {
                        throw corrupt("its 'meta' box is cut short");
                    }
                    return ByteBuffer.wrap(body);
                }
                in.skipNBytes(payload);
                remaining -= size;
            }
            throw corrupt("it has no 'meta' box, so no image item");
        } catch (EOFException e) {
            throw corrupt("it is cut short");
        } catch (IOException e) {
            throw new UnsupportedMediaException(ImageFiles.CORRUPT, e);
        }
    }

    private static PrimaryImage primaryImage(ByteBuffer meta, String coded) {
        meta.getInt(); // version and flags of the meta full box
        Integer primary = null;
        Map<Integer, String> itemTypes = new HashMap<>();
        List<Dimensions> sizes = new ArrayList<>(); // by the 0-based index of the property in ipco; null if no ispe
        List<Integer> rotations = new ArrayList<>(); // quarter turns anticlockwise; null if no irot
        Map<Integer, List<Integer>> associations = new HashMap<>();
        for (ByteBuffer box : children(meta)) {
            String type = fourCc(box);
            switch (type) {
                case "pitm" -> {
                    int version = box.get() & 0xFF;
                    skip(box, 3);
                    primary = version == 0 ? box.getShort() & 0xFFFF : box.getInt();
                }
                case "iinf" -> readItemInfos(box, itemTypes);
                case "iprp" -> {
                    for (ByteBuffer child : children(box)) {
                        String childType = fourCc(child);
                        if (childType.equals("ipco")) {
                            for (ByteBuffer property : children(child)) {
                                String propertyType = fourCc(property);
                                if (propertyType.equals("ispe")) {
                                    skip(property, 4);
                                    long width = Integer.toUnsignedLong(property.getInt());
                                    long height = Integer.toUnsignedLong(property.getInt());
                                    if (width < 1 || height < 1 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                                        throw corrupt("an image size ('ispe') of " + width + "x" + height);
                                    }
                                    sizes.add(new Dimensions((int) width, (int) height));
                                    rotations.add(null);
                                } else if (propertyType.equals("irot")) {
                                    sizes.add(null);
                                    rotations.add(property.get() & 0x03);
                                } else {
                                    sizes.add(null);
                                    rotations.add(null);
                                }
                            }
                        } else if (childType.equals("ipma")) {
                            readAssociations(child, associations);
                        }
                    }
                }
                default -> {
                    // hdlr, iloc, iref, idat, ...: not needed to find the primary image's size.
                }
            }
        }
        if (primary == null) {
            throw corrupt("it names no primary item ('pitm')");
        }
        String itemType = itemTypes.get(primary);
        if (itemType == null) {
            throw corrupt("its primary item " + primary + " is not in the item list ('iinf')");
        }
        if (!itemType.equals(coded) && !DERIVED_ITEM_TYPES.contains(itemType)) {
            throw corrupt("its primary item is of type '" + printable(itemType) + "', not "
                    + (coded.equals("hvc1") ? "an HEVC" : "an AV1") + " image");
        }
        Dimensions size = null;
        int orientation = 1;
        for (int index : associations.getOrDefault(primary, List.of())) {
            if (index < 1 || index > sizes.size()) {
                continue;
            }
            if (size == null && sizes.get(index - 1) != null) {
                size = sizes.get(index - 1);
            }
            Integer quarterTurns = rotations.get(index - 1);
            if (quarterTurns != null) {
                orientation = switch (quarterTurns) {
                    case 1 -> 8;
                    case 2 -> 3;
                    case 3 -> 6;
                    default -> 1;
                };
            }
        }
        if (size == null) {
            throw corrupt("its primary image has no size ('ispe')");
        }
        return new PrimaryImage(size, orientation);
    }

    private static void readItemInfos(ByteBuffer iinf, Map<Integer, String> itemTypes) {
        int version = iinf.get() & 0xFF;
        skip(iinf, 3);
        long count = version == 0 ? iinf.getShort() & 0xFFFF : Integer.toUnsignedLong(iinf.getInt());
        List<ByteBuffer> entries = children(iinf);
        if (entries.size() < count) {
            throw corrupt("its item list declares " + count + " items and holds " + entries.size());
        }
        for (ByteBuffer entry : entries) {
            if (!fourCc(entry).equals("infe")) {
                continue;
            }
            int entryVersion = entry.get() & 0xFF;
            skip(entry, 3);
            if (entryVersion < 2) {
                continue; // versions 0 and 1 describe files, not image items
            }
            int id = entryVersion == 2 ? entry.getShort() & 0xFFFF : entry.getInt();
            skip(entry, 2); // item_protection_index
            itemTypes.put(id, fourCc(entry));
        }
    }

    private static void readAssociations(ByteBuffer ipma, Map<Integer, List<Integer>> associations) {
        int version = ipma.get() & 0xFF;
        int flags = (ipma.get() & 0xFF) << 16 | (ipma.get() & 0xFF) << 8 | (ipma.get() & 0xFF);
        long entries = Integer.toUnsignedLong(ipma.getInt());
        for (long i = 0; i < entries; i++) {
            int item = version < 1 ? ipma.getShort() & 0xFFFF : ipma.getInt();
            int count = ipma.get() & 0xFF;
            List<Integer> indices = associations.computeIfAbsent(item, id -> new ArrayList<>());
            for (int j = 0; j < count; j++) {
                // The top bit says "essential"; the rest is the 1-based index of the property in ipco.
                indices.add((flags & 1) == 1 ? ipma.getShort() & 0x7FFF : ipma.get() & 0x7F);
            }
        }
    }

    /** The boxes inside {@code parent} from its position on, each as a buffer positioned after its type. */
    private static List<ByteBuffer> children(ByteBuffer parent) {
        List<ByteBuffer> boxes = new ArrayList<>();
        while (parent.remaining() >= 8) {
            int start = parent.position();
            long size = Integer.toUnsignedLong(parent.getInt());
            if (size < 8 || size > parent.remaining() + 4L) {
                throw corrupt("a box inside 'meta' declares " + size + " bytes, more than its parent holds");
            }
            ByteBuffer box = parent.slice(start + 4, (int) size - 4);
            boxes.add(box);
            parent.position(start + (int) size);
        }
        return boxes;
    }

    private static String fourCc(ByteBuffer buffer) {
        byte[] type = new byte[4];
        buffer.get(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    private static void skip(ByteBuffer buffer, int bytes) {
        buffer.position(buffer.position() + bytes);
    }

    private static String printable(String fourCc) {
        return fourCc.codePoints().allMatch(c -> c >= 0x20 && c < 0x7F) ? fourCc : "?";
    }

    private static UnsupportedMediaException corrupt(String why) {
        return new UnsupportedMediaException("the HEIF file is not a valid image: " + why);
    }
}
