package dev.gallerykit.reliability;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.Gallery;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.testkit.PresignedClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One call of the public API that a contender makes, the same in either JVM: the parent builds it,
 * sends it to the second JVM as one line ({@link #line()}, {@link #parse}), and each side runs it on
 * its own gallery ({@link #runOn}). What a call returns is text: a photo id, or a word for calls that
 * return nothing. Image bytes travel as files both JVMs read, so both upload exactly the same bytes.
 *
 * @param verb what to call
 * @param args its arguments, none with a space in it
 */
record Call(String verb, List<String> args) {

    Call {
        args = List.copyOf(args);
        if (verb.contains(" ") || args.stream().anyMatch(arg -> arg.isEmpty() || arg.contains(" "))) {
            throw new IllegalArgumentException("a call's words cannot be empty or hold a space: " + verb + " " + args);
        }
    }

    /** {@code Photos.upload} of the file's bytes; returns the photo id. */
    static Call upload(DuplicatePolicy policy, UserId owner, AlbumId album, Path file) {
        return new Call("upload", List.of(policy.name(), id(owner.value()), id(album.value()), file.toString()));
    }

    /** {@code startDirectUpload}, then a presigned PUT of the file as the client would; returns {@code photoId,token}. */
    static Call startDirectUpload(UserId owner, AlbumId album, Path file) {
        return new Call("start-direct-upload", List.of(id(owner.value()), id(album.value()), file.toString()));
    }

    /** {@code completeDirectUpload}; returns the photo id. */
    static Call complete(DuplicatePolicy policy, UserId owner, String token) {
        return new Call("complete", List.of(policy.name(), id(owner.value()), token));
    }

    /** {@code Albums.delete}; returns {@code deleted}. */
    static Call deleteAlbum(UserId owner, AlbumId album) {
        return new Call("delete-album", List.of(id(owner.value()), id(album.value())));
    }

    /** {@code Owners.purge}; returns {@code purged}. */
    static Call purge(UserId owner) {
        return new Call("purge", List.of(id(owner.value())));
    }

    /** {@code Photos.move}; returns {@code moved}. */
    static Call move(UserId owner, PhotoId photo, AlbumId target) {
        return new Call("move", List.of(id(owner.value()), id(photo.value()), id(target.value())));
    }

    /** {@code Albums.setCover}; returns {@code covered}. */
    static Call setCover(UserId owner, AlbumId album, PhotoId photo) {
        return new Call("set-cover", List.of(id(owner.value()), id(album.value()), id(photo.value())));
    }

    /** {@code Photos.delete}; returns {@code deleted}. */
    static Call deletePhoto(UserId owner, PhotoId photo) {
        return new Call("delete-photo", List.of(id(owner.value()), id(photo.value())));
    }

    /** {@code Photos.update} of the photo's tags to the one given; returns {@code tagged-} and the new version. */
    static Call tag(UserId owner, PhotoId photo, String tag) {
        return new Call("tag", List.of(id(owner.value()), id(photo.value()), tag));
    }

    /** {@code Sharing.unshare}; returns {@code revoked}. */
    static Call unshare(UserId owner, AlbumId album, UserId member) {
        return new Call("unshare", List.of(id(owner.value()), id(album.value()), id(member.value())));
    }

    /** The call as one line of the protocol. */
    String line() {
        return verb + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    static Call parse(String line) {
        String[] words = line.split(" ");
        return new Call(words[0], Arrays.asList(words).subList(1, words.length));
    }

    /**
     * Makes the call on the gallery of its duplicate policy.
     *
     * @return what the call returned, as text
     * @throws RuntimeException whatever the gallery threw
     */
    String runOn(Map<DuplicatePolicy, Gallery> galleries) {
        Gallery rejecting = galleries.get(DuplicatePolicy.REJECT);
        return switch (verb) {
            case "upload" -> {
                Path file = Path.of(args.get(3));
                try (InputStream content = Files.newInputStream(file)) {
                    yield id(galleries.get(DuplicatePolicy.valueOf(args.get(0))).photos()
                            .upload(owner(1), new AlbumId(uuid(2)), Upload.of(content, file.getFileName().toString()))
                            .id().value());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case "start-direct-upload" -> {
                Path file = Path.of(args.get(2));
                byte[] bytes = read(file);
                DirectUpload upload = rejecting.photos().startDirectUpload(owner(0), new AlbumId(uuid(1)),
                        DirectUploadRequest.of(file.getFileName().toString(), "image/jpeg", bytes.length));
                PresignedClient.overHttp().put(upload.put(), bytes);
                yield id(upload.photoId().value()) + "," + upload.token();
            }
            case "complete" -> id(galleries.get(DuplicatePolicy.valueOf(args.get(0))).photos()
                    .completeDirectUpload(owner(1), args.get(2)).id().value());
            case "delete-album" -> {
                rejecting.albums().delete(owner(0), new AlbumId(uuid(1)));
                yield "deleted";
            }
            case "purge" -> {
                rejecting.owners().purge(owner(0));
                yield "purged";
            }
            case "move" -> {
                rejecting.photos().move(owner(0), new PhotoId(uuid(1)), new AlbumId(uuid(2)));
                yield "moved";
            }
            case "set-cover" -> {
                rejecting.albums().setCover(owner(0), new AlbumId(uuid(1)), new PhotoId(uuid(2)));
                yield "covered";
            }
            case "delete-photo" -> {
                rejecting.photos().delete(owner(0), new PhotoId(uuid(1)));
                yield "deleted";
            }
            case "tag" -> "tagged-" + rejecting.photos().update(owner(0), new PhotoId(uuid(1)),
                    PhotoUpdate.of(update -> update.tags(List.of(args.get(2))))).version();
            case "unshare" -> {
                rejecting.sharing().unshare(owner(0), new AlbumId(uuid(1)), owner(2));
                yield "revoked";
            }
            default -> throw new IllegalArgumentException("no such call: " + verb);
        };
    }

    private UserId owner(int arg) {
        return new UserId(uuid(arg));
    }

    private UUID uuid(int arg) {
        return UUID.fromString(args.get(arg));
    }

    private static String id(UUID value) {
        return value.toString();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
