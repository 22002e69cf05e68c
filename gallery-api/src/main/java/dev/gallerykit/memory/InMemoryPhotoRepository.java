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
 * A {@link PhotoRepository} in memory, for tests and demos, filing photos in the albums of one
 * {@link InMemoryAlbumRepository}. Thread-safe: writes take the album repository's lock, so that a
 * photo write and the album checks it needs are one step; reads walk each owner's photos, kept sorted
 * newest first, without a lock. Searches apply {@link PhotoQuery#matches} to every photo of the owner.
 * Claims ({@link PhotoClaims}) are maps written under the same lock as the records, so they are taken
 * and released with them.
 */
public final class InMemoryPhotoRepository implements PhotoRepository {

    private final Map<UserId, NavigableMap<PhotoId, Photo>> photosByOwner = new ConcurrentHashMap<>();
    private final Map<PhotoId, UserId> owners = new ConcurrentHashMap<>();
    private final InMemoryAlbumRepository albums;
    /** Owner and SHA-256 to the photo that claimed them. */
    private final Map<ContentKey, PhotoId> contentClaims = new HashMap<>();
    /** Ids kept taken after their photo is deleted, until then. */
    private final Map<PhotoId, Hold> heldIds = new HashMap<>();

    private record ContentKey(UserId owner, String sha256) {
    }

    private record Hold(UserId owner, Instant until) {
    }

    /**
     * An empty repository whose photos are filed in {@code albums}.
     *
     * @throws IllegalStateException when another photo repository is already built over {@code albums}
     */
    public InMemoryPhotoRepository(InMemoryAlbumRepository albums) {
        this.albums = Objects.requireNonNull(albums, "albums");
        albums.attach(this);
    }

    @Override
    public Photo create(Photo photo, PhotoClaims claims) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(claims, "claims");
        synchronized (albums) {
            if (!albums.isOpen(photo.ownerId(), photo.albumId())) {
                throw new NotFoundException("album", photo.albumId());
            }
            if (owners.containsKey(photo.id())
                    || claims.idHeldUntil().isPresent() && heldIds.containsKey(photo.id())) {
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
            claims.idHeldUntil().ifPresent(until -> heldIds.put(stored.id(), new Hold(stored.ownerId(), until)));
            return stored;
        }
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
    public Photo update(Photo photo) {
        Objects.requireNonNull(photo, "photo");
        synchronized (albums) {
            NavigableMap<PhotoId, Photo> photos = photosOf(photo.ownerId());
            Photo stored = photos.get(photo.id());
            if (stored == null) {
                throw new NotFoundException("photo", photo.id());
            }
            if (stored.version() != photo.version()) {
                throw new ConcurrentModificationException("photo", photo.id(), photo.version());
            }
            boolean moving = !stored.albumId().equals(photo.albumId());
            if (moving && !albums.isOpen(photo.ownerId(), photo.albumId())) {
                throw new NotFoundException("album", photo.albumId());
            }
            if (moving && albums.isDeleting(stored.albumId())) {
                throw new NotFoundException("photo", photo.id());
            }
            Photo updated = photo.toBuilder().version(stored.version() + 1).build();
            photos.put(updated.id(), updated);
            if (moving) {
                albums.uncover(stored.ownerId(), stored.albumId(), stored.id());
            }
            return updated;
        }
    }

    /** Whether any photo of the owner is in that album. Call under the album repository's lock. */
    boolean anyIn(UserId owner, AlbumId album) {
        return photosOf(owner).values().stream().anyMatch(photo -> photo.albumId().equals(album));
    }

    /** Whether the owner's photo is in that album. Call under the album repository's lock. */
    boolean isIn(UserId owner, PhotoId id, AlbumId album) {
        Photo stored = photosOf(owner).get(id);
        return stored != null && stored.albumId().equals(album);
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
    public void delete(UserId owner, PhotoId id) {
        Objects.requireNonNull(id, "id");
        synchronized (albums) {
            NavigableMap<PhotoId, Photo> photos = photosOf(owner);
            Photo removed = photos.containsKey(id) ? photos.remove(id) : null;
            if (removed != null) {
                owners.remove(id);
                contentClaims.remove(new ContentKey(owner, removed.sha256()), id);
                albums.uncover(owner, removed.albumId(), id);
            }
        }
    }

    @Override
    public void deleteAll(UserId owner, Collection<PhotoId> ids) {
        List<PhotoId> copy = List.copyOf(ids);
        synchronized (albums) {
            copy.forEach(id -> delete(owner, id));
        }
    }

    @Override
    public int removeExpiredHolds(UserId owner, Instant before) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(before, "before");
        synchronized (albums) {
            int removed = 0;
            for (var holds = heldIds.values().iterator(); holds.hasNext(); ) {
                Hold hold = holds.next();
                if (hold.owner().equals(owner) && hold.until().isBefore(before)) {
                    holds.remove();
                    removed++;
                }
            }
            return removed;
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
