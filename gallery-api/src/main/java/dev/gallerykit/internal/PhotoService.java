package dev.gallerykit.internal;

import dev.gallerykit.DirectUpload;
import dev.gallerykit.DirectUploadRequest;
import dev.gallerykit.DuplicatePolicy;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.Photos;
import dev.gallerykit.Upload;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.Processing;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AccessDeniedException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.DuplicatePhotoException;
import dev.gallerykit.error.GalleryException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.LimitExceededException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.UnsupportedMediaException;
import dev.gallerykit.image.ImageAnalysis;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.ImageLabeler;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.PhotoClaims;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.spi.Slice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class PhotoService implements Photos {

    /** Tries of the look-up that tells a repeated completion from a failed one. */
    private static final int LOOKUP_TRIES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(PhotoService.class);

    private final Core core;
    private final ImagePipeline pipeline;
    private final ImageLabeler labeler;
    private final DuplicatePolicy duplicates;
    private final Path spoolDirectory;

    PhotoService(Core core, ImagePipeline pipeline, ImageLabeler labeler, DuplicatePolicy duplicates,
                 Path spoolDirectory) {
        this.core = core;
        this.pipeline = pipeline;
        this.labeler = labeler;
        this.duplicates = duplicates;
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public Photo upload(UserId actor, AlbumId albumId, Upload upload) {
        Validation.required("upload", upload);
        String fileName = Validation.fileName(upload.fileName());
        Details details = new Details(fileName,
                Validation.line("title", upload.title().orElseGet(() -> defaultTitle(fileName)), Validation.MAX_TITLE),
                Validation.description("description", upload.description()),
                Validation.userTags(upload.tags()));
        Access.AlbumGrant album = core.access.album(actor, albumId, Access.Right.CONTRIBUTE);

        try (SpooledUpload spooled = SpooledUpload.spool(upload.content(), pipeline.options().maxBytes(), spoolDirectory)) {
            return announced(stillAllowed(album, ingest(album.owner(), actor, album.album().id(), core.ids.nextPhotoId(),
                    details, spooled, claims()), true));
        }
    }

    @Override
    public DirectUpload startDirectUpload(UserId actor, AlbumId albumId, DirectUploadRequest request) {
        Validation.required("request", request);
        String fileName = Validation.fileName(request.fileName());
        String contentType = Validation.required("contentType", request.contentType()).strip().toLowerCase(java.util.Locale.ROOT);
        if (MediaType.ofMimeType(contentType).isEmpty()) {
            throw new UnsupportedMediaException("contentType " + contentType + " is not an image type we accept ("
                    + Arrays.stream(MediaType.values()).map(MediaType::mimeType).collect(Collectors.joining(", ")) + ")");
        }
        if (request.size() < 1) {
            throw new InvalidInputException("size", "must be at least 1 byte, was " + request.size());
        }
        long maxBytes = pipeline.options().maxBytes();
        if (request.size() > maxBytes) {
            throw new LimitExceededException("bytes", maxBytes, "the upload declares " + request.size() + " bytes");
        }
        Duration ttl = Validation.ttl(request.ttl());
        Album album = core.access.album(actor, albumId, Access.Right.CONTRIBUTE).album();

        PhotoId id = core.ids.nextPhotoId();
        Instant expiresAt = core.now().plus(ttl);
        UploadToken token = new UploadToken(actor, album.id(), id, request.size(), contentType, fileName, expiresAt);
        PresignedRequest put = core.blobs.presignPut(BlobLayout.staging(actor, id), contentType, request.size(), ttl);
        return new DirectUpload(id, put, core.seal(UploadToken.SCOPE + actor, token.encode()), expiresAt);
    }

    @Override
    public Photo completeDirectUpload(UserId actor, String uploadToken) {
        Validation.required("actor", actor);
        UploadToken token = UploadToken.decode(core.open("uploadToken", UploadToken.SCOPE + actor,
                Validation.required("uploadToken", uploadToken)));
        Optional<Photo> done = core.access.findPhoto(actor, token.photoId()).map(Access.PhotoGrant::photo);
        if (done.isPresent()) {
            return done.get();
        }
        String staging = BlobLayout.staging(actor, token.photoId());
        try {
            if (!core.now().isBefore(token.expiresAt())) {
                throw new InvalidInputException("uploadToken", "has expired at " + token.expiresAt());
            }
            Access.AlbumGrant album = core.access.album(actor, token.albumId(), Access.Right.CONTRIBUTE);
            long size = core.blobs.head(staging).map(BlobInfo::size)
                    .orElseThrow(() -> new InvalidInputException("content", "was not uploaded"));
            if (size != token.size()) {
                throw new InvalidInputException("content", "is " + size + " bytes; the upload declared " + token.size());
            }
            Details details = new Details(token.fileName(), Validation.line("title", defaultTitle(token.fileName()),
                    Validation.MAX_TITLE), "", List.of());
            Photo photo;
            // The original is written from the spooled (verified) bytes under a key of its own: whatever
            // is PUT on the staging key later never reaches the photo.
            try (Blob blob = core.blobs.get(staging).orElseThrow(() -> new InvalidInputException("content", "was not uploaded"));
                 SpooledUpload spooled = SpooledUpload.spool(blob.content(), pipeline.options().maxBytes(), spoolDirectory)) {
                // The id stays claimed until the token expires, so a deleted photo cannot be completed again.
                photo = ingest(album.owner(), actor, album.album().id(), token.photoId(), details, spooled,
                        claims().withIdHeldUntil(token.expiresAt()));
            }
            removeStaging(staging);
            return announced(stillAllowed(album, photo, false));
        } catch (RuntimeException e) {
            // Any failure, an I/O error on a staging object the winner just removed included.
            Optional<Photo> winner = completedMeanwhile(actor, token.photoId(), e);
            if (winner.isPresent()) {
                return winner.get();
            }
            throw e instanceof GalleryException gallery ? rejected(staging, gallery) : e;
        }
    }

    /**
     * The photo of the upload when another completion of it won while this one ran (a client retrying
     * at once): that one made the photo, and this try was a repeat, not a failure.
     */
    private Optional<Photo> completedMeanwhile(UserId actor, PhotoId id, RuntimeException failure) {
        // The look-up decides between "a repeat" and "a failure": a store busy with the racing writers
        // gets a few tries before the original failure is reported. A conflict means another writer holds
        // the id or the content, and its photo may not be committed yet: that is looked for again too,
        // before the object the racer still reads is removed as a rejected upload's would be.
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<Photo> found = core.access.findPhoto(actor, id).map(Access.PhotoGrant::photo);
                if (found.isPresent() || !(failure instanceof ConflictException)) {
                    return found;
                }
            } catch (RuntimeException lookup) {
                failure.addSuppressed(lookup);
            }
            if (attempt == LOOKUP_TRIES || !Pause.before(Duration.ofMillis(25L * attempt))) {
                return Optional.empty();
            }
        }
    }

    /**
     * Tells the world about a photo just stored: a job for the workers when it waits for processing,
     * and the events. A job that cannot be sent leaves the photo processing, with its original safe;
     * {@code reconcile} sends it again once the grace has passed.
     */
    private Photo announced(Photo photo) {
        Instant now = core.now();
        if (photo.processing().isProcessing()) {
            try {
                core.jobs.orElseThrow().send(List.of(Job.processPhoto(photo.ownerId(), photo.id())));
            } catch (RuntimeException e) {
                LOG.warn("could not send the processing job of photo {}; reconcile will send it again", photo.id(), e);
            }
            core.publish(GalleryEvent.ofPhoto(GalleryEvent.Type.PHOTO_UPLOADED, now, photo));
        } else {
            core.publish(GalleryEvent.ofPhoto(GalleryEvent.Type.PHOTO_UPLOADED, now, photo),
                    GalleryEvent.ofPhoto(GalleryEvent.Type.PHOTO_READY, now, photo));
        }
        return photo;
    }

    /** What a completion that failed and made no photo throws. */
    private GalleryException rejected(String staging, GalleryException failure) {
        if (!failure.retryable()) {
            // A rejected upload takes its object with it; a retryable failure leaves it for another try.
            removeStaging(staging);
        }
        if (failure instanceof ConflictException && !(failure instanceof DuplicatePhotoException)) {
            // The id is still held while no photo has it: the upload was completed, then deleted.
            return new InvalidInputException("uploadToken", "has already been used");
        }
        return failure;
    }

    private void removeStaging(String staging) {
        try {
            core.blobs.delete(staging);
        } catch (RuntimeException e) {
            LOG.warn("could not remove the uploaded object {}; reconcile will", staging, e);
        }
    }

    /**
     * The photo a member uploaded, if they are still a contributor once it is stored; otherwise the
     * photo is taken back and the upload refused, so that no upload lands after the revoke that raced it
     * has been seen by the uploader. A membership that is gone (revoked, or the album is being deleted)
     * refuses it as the album not found, as every call of the uploader's after it would; one demoted to
     * viewer as access denied. When the check itself fails, a streamed upload is taken back too (its retry
     * uploads afresh), while a completed direct upload stays: its retry finds it, as long as the uploader
     * is still a member.
     */
    private Photo stillAllowed(Access.AlbumGrant album, Photo photo, boolean takeBackOnFailure) {
        if (album.byOwner()) {
            return photo;
        }
        AlbumId id = album.album().id();
        Optional<AlbumMember> membership;
        try {
            membership = core.access.membership(id, photo.uploaderId());
        } catch (RuntimeException e) {
            if (takeBackOnFailure) {
                takeBack(photo, e);
            }
            throw e;
        }
        if (membership.isEmpty()) {
            NotFoundException gone = new NotFoundException("album", id);
            takeBack(photo, gone);
            throw gone;
        }
        if (!membership.get().contributes()) {
            AccessDeniedException denied = new AccessDeniedException("upload into album " + id,
                    "the member was made a viewer during the upload");
            takeBack(photo, denied);
            throw denied;
        }
        return photo;
    }

    /** Deletes a photo just stored for an upload that is refused after all; a failure joins {@code cause}. */
    private void takeBack(Photo photo, RuntimeException cause) {
        try {
            core.photos.delete(photo.ownerId(), photo.id());
            core.deleteBlobsOf(List.of(photo));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** The claims every create takes under this gallery's duplicate policy. */
    private PhotoClaims claims() {
        return duplicates == DuplicatePolicy.REJECT ? PhotoClaims.NONE.withUniqueContent() : PhotoClaims.NONE;
    }

    private record Details(String fileName, String title, String description, List<Tag> userTags) {
    }

    /** Checks, analyses and renders a spooled upload, then stores it with {@code claims}. */
    private Photo ingest(UserId owner, UserId uploader, AlbumId album, PhotoId id, Details details, SpooledUpload spooled,
                         PhotoClaims claims) {
        if (spooled.size() == 0) {
            throw new InvalidInputException("content", "is empty");
        }
        ImageAnalysis analysis = pipeline.analyze(spooled.file());
        if (duplicates == DuplicatePolicy.REJECT) {
            // Saves rendering a file the owner has; the content claim of create is what decides under races.
            Optional<Photo> existing = core.photos.findBySha256(owner, spooled.sha256());
            if (existing.isPresent()) {
                if (existing.get().id().equals(id)) {
                    // This very upload, made by a completion that raced this one: a repeat, not a duplicate.
                    return existing.get();
                }
                throw new DuplicatePhotoException(existing.get().id());
            }
        }
        // Asynchronous ingest stores the checked original now and leaves the renditions to a worker.
        List<Rendition> renditions = core.jobs.isPresent() ? List.of() : pipeline.render(spooled.file(), analysis);
        Instant now = core.now();
        Photo.Builder photo = Photo.builder().id(id).albumId(album).ownerId(owner).uploaderId(uploader)
                .title(details.title())
                .processing(core.jobs.isPresent() ? Processing.PENDING : Processing.READY)
                .description(details.description())
                .tags(MachineTags.labelled(labeler, details.userTags(), renditions))
                .originalFileName(details.fileName()).contentType(analysis.type().mimeType()).size(spooled.size())
                .sha256(spooled.sha256()).metadata(analysis.metadata()).createdAt(now).updatedAt(now);
        return store(photo, spooled, analysis, renditions, claims);
    }

    /**
     * Writes the blobs under keys of this attempt alone, then the record. If anything fails, the blobs
     * of this attempt are deleted again, so a failed upload leaves nothing behind and never touches
     * the blobs of another attempt at the same photo.
     */
    private Photo store(Photo.Builder photo, SpooledUpload spooled, ImageAnalysis analysis, List<Rendition> renditions,
                        PhotoClaims claims) {
        Photo draft = photo.build();
        String attempt = BlobLayout.newAttempt();
        String originalKey = BlobLayout.original(draft.ownerId(), draft.id(), attempt);
        List<Derivative> derivatives = new ArrayList<>();
        try {
            try (InputStream in = spooled.open()) {
                core.blobs.put(originalKey, in, spooled.size(), new BlobAttributes(draft.contentType(), Core.IMMUTABLE));
            }
            derivatives.add(new Derivative(Derivative.ORIGINAL, originalKey, draft.contentType(), spooled.size(),
                    analysis.metadata().dimensions()));
            core.putRenditions(draft.ownerId(), draft.id(), attempt, renditions, derivatives);
        } catch (IOException e) {
            compensate(originalKey, derivatives, draft);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            compensate(originalKey, derivatives, draft);
            throw e;
        }
        return save(photo.derivatives(derivatives).build(), claims, originalKey, derivatives);
    }

    /**
     * Saves the record of blobs already in place. A retryable failure may be a lost response to a
     * write that took effect, so the record is read back: when it is there with this attempt's blobs
     * the upload succeeded, and when that cannot be told the blobs stay (reconcile removes them if the
     * record never came). Otherwise this attempt's blobs are deleted again.
     */
    private Photo save(Photo record, PhotoClaims claims, String originalKey, List<Derivative> written) {
        try {
            return core.photos.create(record, claims);
        } catch (RuntimeException e) {
            if (e instanceof GalleryException failure && failure.retryable()) {
                Optional<Photo> saved;
                try {
                    saved = core.photos.find(record.ownerId(), record.id());
                } catch (RuntimeException unknown) {
                    e.addSuppressed(unknown);
                    throw e;
                }
                if (saved.isPresent() && saved.get().original().blobKey().equals(originalKey)) {
                    return saved.get();
                }
            }
            compensate(originalKey, written, record);
            throw e;
        }
    }

    private void compensate(String originalKey, List<Derivative> written, Photo draft) {
        // The original is written first and all or nothing; its key is this attempt's, so deleting it is always safe.
        core.removeUnreferenced(draft.id(), Stream.concat(Stream.of(originalKey), written.stream().map(Derivative::blobKey))
                .distinct().toList());
    }

    /** The file name without its extension, cut to the longest title allowed: any valid file name gives one. */
    private static String defaultTitle(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return Validation.truncate(dot > 0 ? fileName.substring(0, dot) : fileName, Validation.MAX_TITLE).strip();
    }

    @Override
    public Photo get(UserId actor, PhotoId id) {
        return core.access.photo(actor, id, Access.Right.READ).photo();
    }

    @Override
    public Page<Photo> list(UserId actor, AlbumId albumId, PageRequest page) {
        UserId owner = core.access.album(actor, albumId, Access.Right.READ).owner();
        return core.page(CursorCodec.scope("photos", actor, albumId), page,
                (limit, after) -> core.photos.listByAlbum(owner, albumId, limit, after));
    }

    @Override
    public Page<Photo> searchSharedWithMe(UserId actor, PhotoQuery query, PageRequest page) {
        PhotoQuery normalized = checked(actor, query);
        if (normalized.albumId().isPresent()) {
            return search(actor, normalized, page);
        }
        return core.page(scopeOf(actor, normalized).replace("photos.search", "photos.shared"), page,
                (limit, after) -> sharedSlice(actor, normalized, limit, SharedPosition.parse(after)));
    }

    /**
     * Where a search of the shared albums stands: after membership {@code album} of the actor's
     * listing, and within the next album after photo position {@code photo}.
     */
    private record SharedPosition(Optional<String> album, Optional<String> photo) {
        private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
        private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

        static SharedPosition parse(Optional<String> text) {
            if (text.isEmpty()) {
                return new SharedPosition(Optional.empty(), Optional.empty());
            }
            String[] parts = text.get().split("\\.", -1);
            return new SharedPosition(part(parts[0]), part(parts.length > 1 ? parts[1] : ""));
        }

        private static Optional<String> part(String encoded) {
            return encoded.isEmpty() ? Optional.empty()
                    : Optional.of(new String(DECODER.decode(encoded), StandardCharsets.UTF_8));
        }

        private static String encoded(Optional<String> part) {
            return part.map(p -> ENCODER.encodeToString(p.getBytes(StandardCharsets.UTF_8))).orElse("");
        }

        String text() {
            return encoded(album) + "." + encoded(photo);
        }
    }

    /** Up to {@code limit} matches from the shared albums, album by album in the listing's order. */
    private Slice<Photo> sharedSlice(UserId actor, PhotoQuery query, int limit, SharedPosition from) {
        List<Photo> found = new ArrayList<>();
        Optional<String> beforeAlbum = from.album();
        Optional<String> inAlbum = from.photo();
        while (true) {
            Slice<AlbumMember> next = core.shares.listSharedWith(actor, 1, beforeAlbum);
            if (next.items().isEmpty()) {
                return Slice.last(found);
            }
            AlbumMember membership = next.items().get(0);
            PhotoQuery inThisAlbum = new PhotoQuery(query.text(), query.tags(), query.takenFrom(), query.takenTo(),
                    query.box(), Optional.of(membership.albumId()));
            Slice<Photo> matches = core.photos.search(membership.ownerId(), inThisAlbum, limit - found.size(), inAlbum);
            found.addAll(matches.items());
            if (matches.next().isPresent()) {
                return new Slice<>(found, Optional.of(new SharedPosition(beforeAlbum, matches.next()).text()));
            }
            if (next.next().isEmpty()) {
                return Slice.last(found);
            }
            beforeAlbum = next.next();
            inAlbum = Optional.empty();
            if (found.size() == limit) {
                // Full, and this album is done: the next page starts with the next album (it may be empty).
                return new Slice<>(found, Optional.of(new SharedPosition(beforeAlbum, Optional.empty()).text()));
            }
        }
    }

    @Override
    public Page<Photo> search(UserId actor, PhotoQuery query, PageRequest page) {
        PhotoQuery normalized = checked(actor, query);
        // Within an album shared with the actor, the search runs over its owner's photos; elsewhere over the actor's.
        UserId owner = normalized.albumId().flatMap(album -> core.shares.findMember(album, actor))
                .map(AlbumMember::ownerId).orElse(actor);
        return core.page(scopeOf(actor, normalized), page,
                (limit, after) -> core.photos.search(owner, normalized, limit, after));
    }

    /** The query checked and its text stripped. */
    private static PhotoQuery checked(UserId actor, PhotoQuery query) {
        Validation.required("actor", actor);
        Validation.required("query", query);
        query.text().ifPresent(text -> Validation.line("text", text, Validation.MAX_SEARCH_TEXT));
        if (query.tags().size() > Validation.MAX_TAGS) {
            throw new InvalidInputException("tags", "has " + query.tags().size() + " tags; the maximum is " + Validation.MAX_TAGS);
        }
        query.tags().forEach(tag -> Validation.wellFormed("tags", tag));
        if (query.takenFrom().isPresent() && query.takenTo().isPresent()
                && query.takenTo().get().isBefore(query.takenFrom().get())) {
            throw new InvalidInputException("takenTo", "is before takenFrom");
        }
        return query.text().isEmpty() ? query
                : new PhotoQuery(query.text().map(String::strip), query.tags(), query.takenFrom(), query.takenTo(),
                        query.box(), query.albumId());
    }

    /** A stable text form of a query (tags sorted), so that one query always has one cursor scope. */
    private static String scopeOf(UserId actor, PhotoQuery query) {
        return CursorCodec.scope("photos.search", actor, query.text().orElse(""), query.tags().stream().sorted().toList(),
                query.takenFrom().orElse(null), query.takenTo().orElse(null), query.box().orElse(null),
                query.albumId().orElse(null));
    }

    @Override
    public Photo update(UserId actor, PhotoId id, PhotoUpdate update) {
        Validation.required("update", update);
        Optional<String> title = update.title().map(t -> Validation.line("title", t, Validation.MAX_TITLE));
        Optional<String> description = update.description().map(d -> Validation.description("description", d));
        Optional<List<Tag>> userTags = update.tags().map(Validation::userTags);
        Photo photo = core.access.photo(actor, id, Access.Right.EDIT).photo();
        if (update.isEmpty()) {
            return photo;
        }
        Photo.Builder changed = photo.toBuilder().updatedAt(core.now());
        title.ifPresent(changed::title);
        description.ifPresent(changed::description);
        userTags.ifPresent(tags -> changed.tags(MachineTags.merge(tags, MachineTags.machineTagsOf(photo.tags()))));
        return core.photos.update(photo, changed.build());
    }

    @Override
    public Photo move(UserId actor, PhotoId id, AlbumId target) {
        Photo photo = core.access.photo(actor, id, Access.Right.MANAGE).photo();
        core.album(actor, target);
        if (photo.albumId().equals(target)) {
            return photo;
        }
        // The store checks both albums and clears the cover of the one left, atomically with the move.
        return core.photos.update(photo, photo.toBuilder().albumId(target).updatedAt(core.now()).build());
    }

    @Override
    public void delete(UserId actor, PhotoId id) {
        Validation.required("actor", actor);
        Validation.required("photoId", id);
        Optional<Access.PhotoGrant> seen = core.access.findPhoto(actor, id);
        if (seen.isEmpty()) {
            return;
        }
        Photo photo = core.access.photo(actor, id, Access.Right.EDIT).photo();
        // The store clears a cover that names the photo in the same step.
        core.photos.delete(photo.ownerId(), id);
        core.deleteBlobsOf(List.of(photo));
        core.publish(GalleryEvent.ofPhoto(GalleryEvent.Type.PHOTO_DELETED, core.now(), photo));
    }

    @Override
    public Photo addMachineTags(UserId actor, PhotoId id, List<Tag> tags) {
        Validation.required("tags", tags);
        if (tags.size() > Validation.MAX_TAGS) {
            throw new InvalidInputException("tags", "has " + tags.size() + " tags; the maximum is " + Validation.MAX_TAGS);
        }
        for (Tag tag : tags) {
            Validation.required("tags", tag);
            if (tag.source() != TagSource.MACHINE) {
                throw new InvalidInputException("tags", "holds the user tag '" + tag.value() + "'; only machine tags are added here");
            }
            Validation.wellFormed("tags", tag.value());
        }
        Photo photo = core.access.photo(actor, id, Access.Right.MANAGE).photo();
        List<Tag> merged = MachineTags.merge(photo.tags(), tags);
        if (merged.equals(photo.tags())) {
            return photo;
        }
        return core.photos.update(photo, photo.toBuilder().tags(merged).updatedAt(core.now()).build());
    }

    @Override
    public PresignedRequest url(UserId actor, PhotoId id, String derivative, Duration ttl) {
        Validation.ttl(ttl);
        Photo photo = readable(actor, id, derivative);
        Derivative file = derivative(photo, derivative);
        Optional<String> disposition = file.isOriginal()
                ? Optional.of(contentDisposition(photo.originalFileName()))
                : Optional.empty();
        return core.blobs.presignGet(file.blobKey(), ttl, disposition);
    }

    @Override
    public Blob open(UserId actor, PhotoId id, String derivative) {
        Photo photo = readable(actor, id, derivative);
        Derivative file = derivative(photo, derivative);
        return core.blobs.get(file.blobKey())
                .orElseThrow(() -> new NotFoundException("blob", file.blobKey()));
    }

    /** The photo, if the actor may read this derivative of it: an original only when the membership allows. */
    private Photo readable(UserId actor, PhotoId id, String derivative) {
        Validation.required("derivative", derivative);
        return core.access.photo(actor, id, Derivative.ORIGINAL.equals(derivative)
                ? Access.Right.READ_ORIGINALS : Access.Right.READ).photo();
    }

    private static Derivative derivative(Photo photo, String name) {
        Validation.required("derivative", name);
        return photo.derivative(name).orElseThrow(() -> new NotFoundException("derivative", name + " of photo " + photo.id()));
    }

    /** RFC 6266 attachment with an ASCII fallback and the UTF-8 name. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String encoded = java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
