package dev.gallerykit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 makes each PUT of an object atomic: a HEAD or GET racing it sees the old object or the new one,
 * whole. S3Proxy's stores write in place, and a HEAD could see the size of a half-written or empty
 * object (a direct-upload completion saw 0 bytes of 2,262); the local
 * server's {@code AtomicObjectsBlobStore} restores S3's behaviour, which the contracts' races rely on.
 */
@DisplayName("The local S3 server, one key written and read at once")
class AtomicObjectsTest {

    @Test
    @DisplayName("every HEAD and GET racing PUTs of two different objects sees one of them whole")
    void readsSeeWholeObjects() throws Exception {
        byte[] one = new byte[64 * 1024];
        byte[] other = new byte[96 * 1024];
        Arrays.fill(one, (byte) 1);
        Arrays.fill(other, (byte) 2);
        try (LocalS3.Server server = LocalS3.start(); S3Client s3 = s3Client(server.endpoint())) {
            String bucket = server.endpoint().newBucketName("atomic");
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("photo/upload"), RequestBody.fromBytes(one));
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Future<?> writer = pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        byte[] bytes = i % 2 == 0 ? other : one;
                        // Sent slowly, as a phone on a poor network would: the store is mid-write for a while.
                        s3.putObject(b -> b.bucket(bucket).key("photo/upload"), RequestBody.fromContentProvider(
                                () -> new SlowStream(bytes), bytes.length, "application/octet-stream"));
                    }
                    writing.set(false);
                    return null;
                });
                List<Future<List<Integer>>> readers = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    readers.add(pool.submit(() -> {
                        List<Integer> torn = new ArrayList<>();
                        while (writing.get()) {
                            long size = s3.headObject(b -> b.bucket(bucket).key("photo/upload")).contentLength();
                            if (size != one.length && size != other.length) {
                                torn.add((int) size);
                            }
                            byte[] read = s3.getObjectAsBytes(b -> b.bucket(bucket).key("photo/upload")).asByteArray();
                            if (!Arrays.equals(read, one) && !Arrays.equals(read, other)) {
                                torn.add(read.length);
                            }
                        }
                        return torn;
                    }));
                }
                writer.get();
                List<Integer> torn = new ArrayList<>();
                for (Future<List<Integer>> reader : readers) {
                    torn.addAll(reader.get());
                }
                assertThat(torn).as("lengths of reads that were neither object").isEmpty();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Gives its bytes 8 KiB at a time, a millisecond apart. */
    private static final class SlowStream extends ByteArrayInputStream {

        SlowStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] target, int offset, int length) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.read(target, offset, Math.min(length, 8 * 1024));
        }
    }

    static S3Client s3Client(LocalS3.Endpoint endpoint) {
        Credentials key = endpoint.credentials().orElseThrow();
        return S3Client.builder().httpClientBuilder(ApacheHttpClient.builder().maxConnections(8))
                .endpointOverride(endpoint.uri().orElseThrow()).region(Region.of(endpoint.region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .build();
    }
}
