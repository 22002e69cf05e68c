package dev.gallerykit.examples.tours;

import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The bucket chores of a tour, which the blob store leaves to infrastructure code. */
final class Buckets {

    private Buckets() {
    }

    static boolean exists(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes every object (S3 deletes only empty buckets), then the bucket. */
    static void emptyAndDelete(S3Client s3, String bucket) {
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket))) {
            List<ObjectIdentifier> keys = page.contents().stream()
                    .map(S3Object::key).map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            if (!keys.isEmpty()) {
                s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
            }
        }
        s3.deleteBucket(b -> b.bucket(bucket));
    }
}
