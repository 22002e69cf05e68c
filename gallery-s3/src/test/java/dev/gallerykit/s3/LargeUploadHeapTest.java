package dev.gallerykit.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.gallerykit.local.LocalS3;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.testkit.fixtures.GeneratedStreams;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 200 MiB upload in a JVM of 96 MiB heap (its own Surefire execution, see the POM), with S3Proxy in
 * a child JVM on a filesystem store, so that the heap measured is the client's alone. The measure is
 * the live heap after each garbage collection during the upload, against the same before it.
 */
@ExtendWith(LocalS3.class)
class LargeUploadHeapTest {

    private static final long MIB = 1024 * 1024;
    private static final long SIZE = 200 * MIB;

    private static TestBucket bucket;

    @BeforeAll
    static void connect(LocalS3.Endpoint s3) {
        bucket = TestBucket.create(s3, "heap");
    }

    @AfterAll
    static void disconnect() {
        bucket.close();
    }

    @ParameterizedTest(name = "length declared: {0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("a generated 200 MiB stream goes up with the live heap growing by well under 64 MiB")
    void uploadingTwoHundredMebibytesKeepsTheHeapSmall(boolean declared) {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test runs in a JVM with a small heap (-Xmx96m)")
                .isLessThan(128 * MIB);
        String key = "heap/" + declared + "/large.bin";

        HeapWatch watch = HeapWatch.start();
        try {
            bucket.store().put(key, GeneratedStreams.bytes(SIZE, 11), declared ? SIZE : BlobStore.UNKNOWN_LENGTH,
                    BlobAttributes.of("application/octet-stream"));
        } finally {
            watch.stop();
        }

        System.out.printf("declared=%s collections=%d baseline=%d peak=%d%n", declared, watch.collections(),
                watch.baseline(), watch.peakAfterCollection());
        assertThat(watch.collections()).as("garbage collections during the upload").isPositive();
        assertThat(watch.peakAfterCollection() - watch.baseline()).as("growth of the live heap in bytes")
                .isLessThan(32 * MIB);
        assertThat(bucket.store().head(key).map(BlobInfo::size)).contains(SIZE);
        bucket.store().delete(key);
    }

    /** Records the heap in use after every collection, from the JVM's own notifications. */
    private static final class HeapWatch implements NotificationListener {

        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicInteger collections = new AtomicInteger();
        private long baseline;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            System.gc();
            watch.baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            watch.collectors.forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(watch, null, null));
            return watch;
        }

        void stop() {
            for (GarbageCollectorMXBean gc : collectors) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(pool -> heapPools.contains(pool.getKey()))
                    .mapToLong(pool -> pool.getValue().getUsed()).sum();
            peak.accumulateAndGet(used, Math::max);
            collections.incrementAndGet();
        }

        long baseline() {
            return baseline;
        }

        long peakAfterCollection() {
            return peak.get();
        }

        int collections() {
            return collections.get();
        }
    }
}
