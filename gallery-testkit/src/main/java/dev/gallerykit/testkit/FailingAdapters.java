package dev.gallerykit.testkit;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoClaims;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.spi.Slice;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Wrappers around real adapters that fail one chosen operation, to prove that the gallery cleans
 * up after a failure half-way through a write. Everything else reaches the real adapter.
 */
final class FailingAdapters {

    private FailingAdapters() {
    }

    static StorageUnavailableException outage(String what) {
        return new StorageUnavailableException("simulated outage: " + what, new IOException(what));
    }

    /** A blob store whose {@code put} fails for keys matching {@code failOn}, after reading part of the stream. */
    static BlobStore failingPuts(BlobStore delegate, Predicate<String> failOn) {
        return new BlobStore() {
            @Override
            public void put(String key, InputStream content, long length, BlobAttributes attributes) {
                if (failOn.test(key)) {
                    throw outage("put " + key);
                }
                delegate.put(key, content, length, attributes);
            }

            @Override
            public Optional<Blob> get(String key) {
                return delegate.get(key);
            }

            @Override
            public Optional<Blob> get(String key, long offset, long length) {
                return delegate.get(key, offset, length);
            }

            @Override
            public Optional<BlobInfo> head(String key) {
                return delegate.head(key);
            }

            @Override
            public void delete(String key) {
                delegate.delete(key);
            }

            @Override
            public Map<String, String> deleteAll(Collection<String> keys) {
                return delegate.deleteAll(keys);
            }

            @Override
            public Slice<BlobInfo> list(String prefix, int limit, Optional<String> after) {
                return delegate.list(prefix, limit, after);
            }

            @Override
            public PresignedRequest presignGet(String key, Duration ttl, Optional<String> contentDisposition) {
                return delegate.presignGet(key, ttl, contentDisposition);
            }

            @Override
            public PresignedRequest presignPut(String key, String contentType, long length, Duration ttl) {
                return delegate.presignPut(key, contentType, length, ttl);
            }
        };
    }

    /** A photo repository whose {@code create} always fails, after the blobs were written. */
    static PhotoRepository failingCreates(PhotoRepository delegate) {
        return new PhotoRepository() {
            @Override
            public Photo create(Photo photo, PhotoClaims claims) {
                throw outage("create photo " + photo.id());
            }

            @Override
            public Optional<Photo> find(UserId owner, PhotoId id) {
                return delegate.find(owner, id);
            }

            @Override
            public Optional<Photo> findBySha256(UserId owner, String sha256) {
                return delegate.findBySha256(owner, sha256);
            }

            @Override
            public Photo update(Photo photo) {
                return delegate.update(photo);
            }

            @Override
            public Slice<Photo> listByAlbum(UserId owner, AlbumId album, int limit, Optional<String> after) {
                return delegate.listByAlbum(owner, album, limit, after);
            }

            @Override
            public Slice<Photo> search(UserId owner, PhotoQuery query, int limit, Optional<String> after) {
                return delegate.search(owner, query, limit, after);
            }

            @Override
            public void delete(UserId owner, PhotoId id) {
                delegate.delete(owner, id);
            }

            @Override
            public void deleteAll(UserId owner, Collection<PhotoId> ids) {
                delegate.deleteAll(owner, ids);
            }
        };
    }
}
