package dev.gallerykit.testkit.faults;

import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.spi.Slice;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

final class FaultyBlobStore implements BlobStore {

    private final BlobStore delegate;
    private final Faults faults;

    FaultyBlobStore(BlobStore delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public void put(String key, InputStream content, long length, BlobAttributes attributes) {
        faults.run(Operation.BLOB_PUT, () -> delegate.put(key, content, length, attributes));
    }

    @Override
    public Optional<Blob> get(String key) {
        return faults.call(Operation.BLOB_GET, () -> delegate.get(key));
    }

    @Override
    public Optional<Blob> get(String key, long offset, long length) {
        return faults.call(Operation.BLOB_GET_RANGE, () -> delegate.get(key, offset, length));
    }

    @Override
    public Optional<BlobInfo> head(String key) {
        return faults.call(Operation.BLOB_HEAD, () -> delegate.head(key));
    }

    @Override
    public void delete(String key) {
        faults.run(Operation.BLOB_DELETE, () -> delegate.delete(key));
    }

    @Override
    public Map<String, String> deleteAll(Collection<String> keys) {
        return faults.call(Operation.BLOB_DELETE_ALL, () -> delegate.deleteAll(keys));
    }

    @Override
    public Slice<BlobInfo> list(String prefix, int limit, Optional<String> after) {
        return faults.call(Operation.BLOB_LIST, () -> delegate.list(prefix, limit, after));
    }

    @Override
    public PresignedRequest presignGet(String key, Duration ttl, Optional<String> contentDisposition) {
        return faults.call(Operation.BLOB_PRESIGN_GET, () -> delegate.presignGet(key, ttl, contentDisposition));
    }

    @Override
    public PresignedRequest presignPut(String key, String contentType, long length, Duration ttl) {
        return faults.call(Operation.BLOB_PRESIGN_PUT, () -> delegate.presignPut(key, contentType, length, ttl));
    }
}
