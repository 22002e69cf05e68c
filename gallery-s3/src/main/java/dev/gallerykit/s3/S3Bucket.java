package dev.gallerykit.s3;

import dev.gallerykit.error.GalleryException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** The client and the bucket that a store's requests go to, with the translation of their SDK exceptions. */
final class S3Bucket {

    private final S3Client client;
    private final String name;

    S3Bucket(S3Client client, String name) {
        this.client = client;
        this.name = name;
    }

    S3Client client() {
        return client;
    }

    String name() {
        return name;
    }

    /** Sends one request; an SDK exception comes out as ours, naming the operation, the bucket and the key. */
    <T> T call(String operation, String objectKey, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failure(operation, objectKey, e);
        }
    }

    /**
     * Throws unless the bucket exists. A HEAD answer has no body, so its 404 does not say whether the
     * object or the bucket is missing; a missing bucket must never read as an absent object.
     */
    void checkExists(String operation, String objectKey, SdkException notFound) {
        try {
            client.headBucket(b -> b.bucket(name));
        } catch (SdkException e) {
            if (S3Errors.hasStatus(e, 404)) {
                throw new S3StorageException("S3 " + operation + " " + name + "/" + objectKey
                        + " failed: NoSuchBucket (404): the bucket does not exist", "NoSuchBucket", 404, notFound);
            }
            throw failure("HeadBucket", objectKey, e);
        }
    }

    /** Ours for an SDK exception that is not an expected answer (such as an absent object). */
    GalleryException failure(String operation, String objectKey, SdkException e) {
        return S3Errors.translate(operation + " " + name + "/" + objectKey, e);
    }
}
