package dev.gallerykit.memory;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.DuplicatePhotoException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.PhotoClaims;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link PhotoRepository} in memory, for tests and demos. Thread-safe: writes take one lock;
 * reads walk each owner's photos, kept sorted newest first, without one. Searches apply
 * {@link PhotoQuery#matches} to every photo of the owner. Claims ({@link PhotoClaims}) are maps
 * written under the same lock as the records, so they are taken and released with them.
 */
public final class InMemoryPhotoRepository implements PhotoRepository {

    private final Map<UserId, NavigableMap<PhotoId, Photo>> photosByOwner = new ConcurrentHashMap<>();
    private final Map<PhotoId, UserId> owners = new ConcurrentHashMap<>();
    /** Owner and SHA-256 to the photo that claimed them. */
    private final Map<ContentKey, PhotoId> contentClaims = new HashMap<>();
    /** Ids kept taken after their photo is deleted, until then. */
    private final Map<PhotoId, Instant> heldIds = new HashMap<>();

    private record ContentKey(UserId owner, String sha256) {
    }

    /** An empty repository. */
    public InMemoryPhotoRepository() {
    }

    @Override
    public synchronized Photo create(Photo photo, PhotoClaims claims) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(claims, "claims");
        if (owners.containsKey(photo.id()) || claims.idHeldUntil().isPresent() && heldIds.containsKey(photo.id())) {
            throw new ConflictException("photo " + photo.id() + " already exists");
        }
        ContentKey content = new ContentKey(photo.ownerId(), photo.sha256());
        if (claims.uniqueContent() && contentClaims.containsKey(content)) {
            throw new DuplicatePhotoException(contentClaims.get(content));
        }
        Photo stored = photo.toBuilder().version(1).build();
        owners.put(stored.id(), stored.ownerId());
        photosFor(stored.ownerId()).put(stored.id(), stored);
        if (claims.uniqueContent()) {
            contentClaims.put(content, stored.id());
        }
        claims.idHeldUntil().ifPresent(until -> heldIds.put(stored.id(), until));
        return stored;
    }

    @Override
    public Optional<Photo> find(UserId owner, PhotoId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(photosOf(owner).get(id));
    }

    @Override
    public Optional<Photo> findBySha256(UserId owner, String sha256) {
        Objects.requireNonNull(sha256, "sha256");
        return photosOf(owner).values().stream().filter(photo -> photo.sha256().equals(sha256)).findFirst();
    }

    @Override
    public synchronized Photo update(Photo photo) {
        Objects.requireNonNull(photo, "photo");
        NavigableMap<PhotoId, Photo> photos = photosOf(photo.ownerId());
        Photo stored = photos.get(photo.id());
        if (stored == null) {
            throw new NotFoundException("photo", photo.id());
        }
        if (stored.version() != photo.version()) {
            throw new ConcurrentModificationException("photo", photo.id(), photo.version());
        }
        Photo updated = photo.toBuilder().version(stored.version() + 1).build();
        photos.put(updated.id(), updated);
        return updated;
    }

    @Override
    public Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after) {
        Objects.requireNonNull(album, "album");
        return Positions.page(photosOf(owner), Positions.parse(after, PhotoId::new),
                photo -> photo.albumId().equals(album), limit);
    }

    @Override
    public Slice<Photo> search(UserId owner, PhotoQuery query, int limit, Optional<String> after) {
        Objects.requireNonNull(query, "query");
        return Positions.page(photosOf(owner), Positions.parse(after, PhotoId::new), query::matches, limit);
    }

    @Override
    public synchronized void delete(UserId owner, PhotoId id) {
        Objects.requireNonNull(id, "id");
        NavigableMap<PhotoId, Photo> photos = photosOf(owner);
        Photo removed = photos.get(id);
        if (removed != null) {
            photos.remove(id);
            owners.remove(id);
            contentClaims.remove(new ContentKey(owner, removed.sha256()), id);
        }
    }

    @Override
    public synchronized void deleteAll(UserId owner, Collection<PhotoId> ids) {
        for (PhotoId id : List.copyOf(ids)) {
            delete(owner, id);
        }
    }

    private NavigableMap<PhotoId, Photo> photosFor(UserId owner) {
        return photosByOwner.computeIfAbsent(owner, o -> new ConcurrentSkipListMap<>(Comparator.reverseOrder()));
    }

    private NavigableMap<PhotoId, Photo> photosOf(UserId owner) {
        Objects.requireNonNull(owner, "owner");
        return photosByOwner.getOrDefault(owner, Collections.emptyNavigableMap());
    }
}
