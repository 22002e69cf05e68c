package dev.gallerykit.memory;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.TextMatch;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.Slice;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link AlbumRepository} in memory, for tests and demos. Thread-safe: writes take one lock, the
 * one its {@link InMemoryPhotoRepository} writes under too, so that checks between albums and photos
 * are atomic; reads walk each owner's albums, kept sorted newest first, without one.
 */
public final class InMemoryAlbumRepository implements AlbumRepository {

    private final Map<UserId, NavigableMap<AlbumId, Album>> albumsByOwner = new ConcurrentHashMap<>();
    private final Map<AlbumId, UserId> owners = new ConcurrentHashMap<>();
    private final Set<AlbumId> deleting = ConcurrentHashMap.newKeySet();
    /** The photos filed in these albums, once a photo repository is built over this one. */
    private InMemoryPhotoRepository photos;

    /** An empty repository. */
    public InMemoryAlbumRepository() {
    }

    @Override
    public synchronized Album create(Album album) {
        Objects.requireNonNull(album, "album");
        if (owners.containsKey(album.id())) {
            throw new ConflictException("album " + album.id() + " already exists");
        }
        Album stored = album.withVersion(1);
        owners.put(stored.id(), stored.ownerId());
        albumsFor(stored.ownerId()).put(stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<Album> find(UserId owner, AlbumId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(albumsOf(owner).get(id));
    }

    @Override
    public synchronized Album update(Album album) {
        Objects.requireNonNull(album, "album");
        NavigableMap<AlbumId, Album> albums = albumsOf(album.ownerId());
        Album stored = albums.get(album.id());
        if (stored == null || deleting.contains(album.id())) {
            throw new NotFoundException("album", album.id());
        }
        if (stored.version() != album.version()) {
            throw new ConcurrentModificationException("album", album.id(), album.version());
        }
        Album updated = album.withVersion(stored.version() + 1);
        albums.put(updated.id(), updated);
        return updated;
    }

    @Override
    public synchronized Album setCover(Album album) {
        Objects.requireNonNull(album, "album");
        PhotoId cover = album.cover().orElseThrow(() -> new IllegalArgumentException("the album has no cover"));
        if (albumsOf(album.ownerId()).containsKey(album.id()) && !deleting.contains(album.id())
                && (photos == null || !photos.isIn(album.ownerId(), cover, album.id()))) {
            throw new NotFoundException("photo", cover + " in album " + album.id());
        }
        return update(album);
    }

    @Override
    public synchronized boolean markDeleting(UserId owner, AlbumId id) {
        Objects.requireNonNull(id, "id");
        NavigableMap<AlbumId, Album> albums = albumsOf(owner);
        Album stored = albums.get(id);
        if (stored == null) {
            return false;
        }
        deleting.add(id);
        if (stored.cover().isPresent()) {
            albums.put(id, stored.withCover(Optional.empty(), stored.updatedAt()).withVersion(stored.version() + 1));
        }
        return true;
    }

    /** Whether photos may go into or out of this album: it exists and is not being deleted. Call under the lock. */
    boolean isOpen(UserId owner, AlbumId id) {
        return albumsOf(owner).containsKey(id) && !deleting.contains(id);
    }

    /** Whether the album is being deleted. Call under the lock. */
    boolean isDeleting(AlbumId id) {
        return deleting.contains(id);
    }

    /** Takes {@code photo} off the album's cover, if it is there. Call under the lock. */
    void uncover(UserId owner, AlbumId id, PhotoId photo) {
        NavigableMap<AlbumId, Album> albums = albumsOf(owner);
        Album stored = albums.get(id);
        if (stored != null && stored.cover().equals(Optional.of(photo))) {
            albums.put(id, stored.withCover(Optional.empty(), stored.updatedAt()).withVersion(stored.version() + 1));
        }
    }

    /** Called once by the photo repository built over this one. */
    synchronized void attach(InMemoryPhotoRepository repository) {
        if (photos != null) {
            throw new IllegalStateException("this album repository already has its photo repository");
        }
        photos = repository;
    }

    @Override
    public Slice<Album> list(UserId owner, int limit, Optional<String> after) {
        return Positions.page(albumsOf(owner), Positions.parse(after, AlbumId::new), album -> true, limit);
    }

    @Override
    public Slice<Album> search(UserId owner, String text, int limit, Optional<String> after) {
        String needle = TextMatch.fold(text);
        return Positions.page(albumsOf(owner), Positions.parse(after, AlbumId::new),
                album -> TextMatch.fold(album.name()).contains(needle)
                        || TextMatch.fold(album.description()).contains(needle),
                limit);
    }

    @Override
    public synchronized void delete(UserId owner, AlbumId id) {
        Objects.requireNonNull(id, "id");
        NavigableMap<AlbumId, Album> albums = albumsOf(owner);
        if (albums.containsKey(id)) {
            if (photos != null && photos.anyIn(owner, id)) {
                throw new ConflictException("album " + id + " still has photos");
            }
            albums.remove(id);
            owners.remove(id);
            deleting.remove(id);
        }
    }

    private NavigableMap<AlbumId, Album> albumsFor(UserId owner) {
        return albumsByOwner.computeIfAbsent(owner, o -> new ConcurrentSkipListMap<>(Comparator.reverseOrder()));
    }

    private NavigableMap<AlbumId, Album> albumsOf(UserId owner) {
        Objects.requireNonNull(owner, "owner");
        return albumsByOwner.getOrDefault(owner, Collections.emptyNavigableMap());
    }
}
