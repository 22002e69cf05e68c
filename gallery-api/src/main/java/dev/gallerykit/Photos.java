package dev.gallerykit;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.PresignedRequest;
import java.time.Duration;
import java.util.List;

/**
 * Photo use cases. Every call names the acting user; another user's photo or album is
 * {@link dev.gallerykit.error.NotFoundException not found}.
 *
 * <pre>{@code
 * Photo photo = gallery.photos().upload(me, trip.id(), Upload.of(in, "IMG_0001.jpg"));
 * PresignedRequest thumb = gallery.photos().url(me, photo.id(), "thumb-256", Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>Every method may fail with a retryable {@link StorageUnavailableException} (a store that cannot
 * be reached, times out or throttles) or a {@link StorageException} that is not retryable (a missing
 * table, bucket or permission); no driver or SDK exception escapes. Bad input is an
 * {@link InvalidInputException} naming the field, and changes nothing.
 */
public interface Photos {

    /**
     * Stores a photo: reads the stream (up to the byte limit), recognises the real type from its
     * bytes, checks the pixel limit from the header, reads EXIF, makes the renditions, writes the
     * blobs and then the record. On any failure nothing is left behind.
     *
     * @throws dev.gallerykit.error.UnsupportedMediaException  not an image we recognise, or corrupt
     * @throws dev.gallerykit.error.LimitExceededException     too many bytes or pixels
     * @throws dev.gallerykit.error.DuplicatePhotoException    the owner has these exact bytes already
     *                                                         (with {@link DuplicatePolicy#REJECT})
     * @throws NotFoundException when the album does not exist or is another user's
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable); nothing is left behind
     */
    Photo upload(UserId actor, AlbumId album, Upload upload);

    /**
     * Starts an upload that goes from the client straight to the blob store (a presigned PUT), so
     * that the bytes never pass through the host.
     *
     * @throws dev.gallerykit.error.UnsupportedMediaException when the declared type is not one we accept
     * @throws dev.gallerykit.error.LimitExceededException    when the declared size is over the byte limit
     * @throws NotFoundException when the album does not exist or is another user's
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    DirectUpload startDirectUpload(UserId actor, AlbumId album, DirectUploadRequest request);

    /**
     * Checks the uploaded object (size, real type from its bytes), runs the image pipeline on it and
     * saves the record, like {@link #upload}; the verified bytes become the original under a key of
     * their own, so a later PUT with the same presigned request cannot replace them. A rejected upload
     * has its object removed. Completing an upload again, or many times at once, returns the same
     * photo; once that photo is deleted, the token cannot make it again.
     *
     * @throws dev.gallerykit.error.InvalidInputException naming {@code uploadToken} when the token is
     *         altered, another user's, expired, or already used for a photo since deleted; naming
     *         {@code content} when nothing (or the wrong number of bytes) was uploaded
     * @throws dev.gallerykit.error.DuplicatePhotoException the owner has these exact bytes already
     *         (with {@link DuplicatePolicy#REJECT})
     * @throws dev.gallerykit.error.UnsupportedMediaException  when the uploaded bytes are not an image we accept
     * @throws dev.gallerykit.error.LimitExceededException     when the uploaded image has too many pixels
     * @throws NotFoundException when the album was deleted meanwhile
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable); completing again later is safe
     */
    Photo completeDirectUpload(UserId actor, String uploadToken);

    /**
     * @throws NotFoundException when the photo does not exist or is another user's
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Photo get(UserId actor, PhotoId id);

    /**
     * The photos of one album, newest first. The page has a next cursor exactly when another photo follows.
     *
     * @throws NotFoundException when the album does not exist or is another user's
     * @throws InvalidInputException naming {@code limit} when it is outside 1 to the gallery's maximum page
     *         size, or {@code cursor} when it was altered or issued for another query or user
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Page<Photo> list(UserId actor, AlbumId album, PageRequest page);

    /**
     * The actor's photos matching every criterion of {@code query}, newest first. When the query names
     * an album shared with the actor ({@link PhotoQuery.Builder#album}), the search runs over that
     * album's photos instead, which belong to its owner. The page has a next cursor exactly when another
     * match follows.
     *
     * @throws InvalidInputException naming {@code limit} when it is outside 1 to the gallery's maximum page
     *         size, or {@code cursor} when it was altered or issued for another query or user
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Page<Photo> search(UserId actor, PhotoQuery query, PageRequest page);

    /**
     * The photos matching {@code query} in the albums others shared with the actor: album by album, in
     * the order {@code Sharing#sharedWithMe} lists them, newest photo first within each. A query that
     * names an album is {@link #search} of it.
     *
     * @throws InvalidInputException as for {@link #search}
     */
    Page<Photo> searchSharedWithMe(UserId actor, PhotoQuery query, PageRequest page);

    /**
     * Changes the title, description and/or user tags; bumps {@code updatedAt}. Machine tags stay.
     *
     * @throws InvalidInputException naming the field that is out of bounds
     * @throws NotFoundException when the photo does not exist or is another user's
     * @throws ConcurrentModificationException when the photo changed meanwhile; read it again and retry
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Photo update(UserId actor, PhotoId id, PhotoUpdate update);

    /**
     * Moves the photo to another of the actor's albums (its blobs stay where they are).
     *
     * @throws NotFoundException when the photo or the target album does not exist or is another user's
     * @throws ConcurrentModificationException when the photo changed meanwhile; read it again and retry
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Photo move(UserId actor, PhotoId id, AlbumId target);

    /**
     * Deletes the record, then its blobs. Idempotent: a photo that is gone (or another user's) is no
     * error, and a delete that failed half-way can simply be repeated.
     *
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    void delete(UserId actor, PhotoId id);

    /**
     * Adds machine tags to a photo, for a labeler that runs elsewhere (a service fed by the
     * {@code PHOTO_READY} event, say). User tags stay first and win over a machine tag of the same
     * value; a tag the photo has is not added twice. Only the album's owner may.
     *
     * @param tags {@link dev.gallerykit.domain.TagSource#MACHINE} tags, at most 50
     * @return the photo with the tags; unchanged (and not written) when it had them all
     * @throws InvalidInputException naming {@code tags} when one is a user tag, malformed, or there are too many
     * @throws NotFoundException when the photo does not exist for the actor
     * @throws AccessDeniedException when the actor is a member of the photo's album, not its owner
     * @throws ConcurrentModificationException when the photo changed meanwhile; read it and try again
     */
    Photo addMachineTags(UserId actor, PhotoId id, List<Tag> tags);

    /**
     * A URL from which anybody can GET one stored file of the photo until it expires.
     *
     * @param derivative {@code "original"} or a rendition name such as {@code "thumb-256"}
     * @throws NotFoundException when the photo, or that derivative of it, does not exist or is another user's
     * @throws InvalidInputException naming {@code ttl} when the blob store cannot sign for that long
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    PresignedRequest url(UserId actor, PhotoId id, String derivative, Duration ttl);

    /**
     * Opens one stored file of the photo, for hosts that stream the bytes themselves. Close it.
     *
     * @throws NotFoundException when the photo, or that derivative of it, does not exist or is another user's
     * @throws StorageUnavailableException when a store cannot be reached, times out or throttles (retryable)
     * @throws StorageException when a store refuses for a lasting reason, such as a missing table (not retryable)
     */
    Blob open(UserId actor, PhotoId id, String derivative);
}
