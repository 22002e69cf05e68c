package dev.gallerykit.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Makes each write of an object atomic for its readers, as it is on S3. S3Proxy's stores write an
 * object's file in place: a GET that meets a PUT of the same key can read the new object's first
 * bytes, or none (a direct-upload completion racing a client's second PUT read 0 bytes of 2,262).
 * Here the writes of a key (put, completing a multipart upload, the target of a copy, a delete) hold
 * that key's write lock, and a read (GET, HEAD, the source of a copy) its read lock; a GET of up to
 * {@value #BUFFERED_READ_LIMIT} bytes is read whole under the lock and served from memory, so it shows
 * one version of the object from its first byte to its last. Larger objects are streamed as the
 * store gives them, without that promise (no test races writes against reads of them). Keys share
 * {@value #STRIPES} locks by hash, which only ever makes unrelated keys wait for each other.
 */
final class AtomicObjectsBlobStore extends ForwardingBlobStore {

    static final int BUFFERED_READ_LIMIT = 16 << 20;
    private static final int STRIPES = 64;

    private final ReadWriteLock[] locks = new ReadWriteLock[STRIPES];

    AtomicObjectsBlobStore(BlobStore delegate) {
        super(delegate);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        return under(write(request.bucket(), request.key()), () -> super.putBlob(request, content));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        return under(write(request.bucket(), request.key()), () -> super.completeMultipartUpload(upload, request));
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return under(write(request.bucket(), request.key()), () -> super.removeBlob(request));
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        int source = stripe(request.sourceBucket(), request.sourceKey());
        int target = stripe(request.destinationBucket(), request.destinationKey());
        if (source == target) {
            return under(locks[target].writeLock(), () -> super.copyBlob(request));
        }
        // Two stripes, always taken in index order, so that two copies in opposite directions cannot deadlock.
        Lock first = source < target ? locks[source].readLock() : locks[target].writeLock();
        Lock second = source < target ? locks[target].writeLock() : locks[source].readLock();
        return under(first, () -> under(second, () -> super.copyBlob(request)));
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        return under(read(request.bucket(), request.key()), () -> super.blobMetadata(request));
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        return under(read(request.bucket(), request.key()), () -> {
            ResponseInputStream<GetObjectResponse> stream = super.getBlob(request);
            Long length = stream.response().contentLength();
            if (length == null || length > BUFFERED_READ_LIMIT) {
                return stream;
            }
            try (stream) {
                byte[] bytes = stream.readAllBytes();
                return new ResponseInputStream<>(stream.response(),
                        AbortableInputStream.create(new ByteArrayInputStream(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Lock read(String bucket, String key) {
        return locks[stripe(bucket, key)].readLock();
    }

    private Lock write(String bucket, String key) {
        return locks[stripe(bucket, key)].writeLock();
    }

    private static int stripe(String bucket, String key) {
        return Math.floorMod((bucket + '/' + key).hashCode(), STRIPES);
    }

    private static <T> T under(Lock lock, Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
