package dev.gallerykit.s3;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/** Deletes objects, one or many in {@code DeleteObjects} batches; an absent object counts as deleted. */
final class ObjectDeleter {

    private static final int MAX_KEYS_PER_DELETE = 1000;

    private final S3Bucket bucket;
    private final KeyPrefix keys;

    ObjectDeleter(S3Bucket bucket, KeyPrefix keys) {
        this.bucket = bucket;
        this.keys = keys;
    }

    void delete(String objectKey) {
        try {
            bucket.client().deleteObject(b -> b.bucket(bucket.name()).key(objectKey));
        } catch (SdkException e) {
            if (!S3Errors.isAbsentObject(e)) {
                throw bucket.failure("DeleteObject", objectKey, e);
            }
        }
    }

    /**
     * Sends requests of up to 1,000 distinct keys each.
     *
     * @return the caller's keys S3 could not delete, with S3's code and message
     */
    Map<String, String> deleteAll(Collection<String> objectKeys) {
        Set<String> distinct = new LinkedHashSet<>(objectKeys);
        Map<String, String> failures = new LinkedHashMap<>();
        List<ObjectIdentifier> batch = new ArrayList<>(Math.min(distinct.size(), MAX_KEYS_PER_DELETE));
        for (String objectKey : distinct) {
            batch.add(ObjectIdentifier.builder().key(objectKey).build());
            if (batch.size() == MAX_KEYS_PER_DELETE) {
                deleteBatch(batch, failures);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            deleteBatch(batch, failures);
        }
        return failures;
    }

    private void deleteBatch(List<ObjectIdentifier> batch, Map<String, String> failures) {
        Delete delete = Delete.builder().objects(batch).quiet(true).build();
        DeleteObjectsResponse response = bucket.call("DeleteObjects", batch.size() + " keys",
                () -> bucket.client().deleteObjects(b -> b.bucket(bucket.name()).delete(delete)));
        for (S3Error error : response.errors()) {
            if ("NoSuchBucket".equals(error.code())) {
                // Some servers answer a missing bucket per key; it is the store's failure, not the keys'.
                throw new S3StorageException("S3 DeleteObjects " + bucket.name() + " failed: NoSuchBucket: "
                        + error.message(), "NoSuchBucket", 404, null);
            }
            if (!"NoSuchKey".equals(error.code())) {
                failures.put(keys.callerKey(error.key()), error.code() + ": " + error.message());
            }
        }
    }
}
