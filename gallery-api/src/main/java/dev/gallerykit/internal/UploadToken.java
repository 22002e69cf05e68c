package dev.gallerykit.internal;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * What a direct upload's token carries from {@code startDirectUpload} to {@code completeDirectUpload}.
 * The gallery seals it (HMAC, scoped to the owner), so no pending state needs storing anywhere.
 */
record UploadToken(UserId owner, AlbumId albumId, PhotoId photoId, long size, String contentType, String fileName,
                   Instant expiresAt) {

    static final String SCOPE = "direct-upload|";
    private static final int VERSION = 1;

    String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeUuid(out, owner.value());
            writeUuid(out, albumId.value());
            writeUuid(out, photoId.value());
            out.writeLong(size);
            out.writeUTF(contentType);
            out.writeUTF(fileName);
            out.writeLong(expiresAt.toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** Only ever called on text the gallery sealed itself, so a malformed one is a bug or an old version. */
    static UploadToken decode(String text) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(text)))) {
            if (in.readByte() != VERSION) {
                throw new InvalidInputException("uploadToken", "was made by another version of GalleryKit");
            }
            return new UploadToken(new UserId(readUuid(in)), new AlbumId(readUuid(in)), new PhotoId(readUuid(in)),
                    in.readLong(), in.readUTF(), in.readUTF(), Instant.ofEpochMilli(in.readLong()));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("uploadToken", "cannot be read");
        }
    }

    private static void writeUuid(DataOutputStream out, UUID uuid) throws IOException {
        out.writeLong(uuid.getMostSignificantBits());
        out.writeLong(uuid.getLeastSignificantBits());
    }

    private static UUID readUuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }
}
