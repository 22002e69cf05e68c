package dev.gallerykit.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gallerykit.Gallery;
import dev.gallerykit.Owners.PurgeReport;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.local.LocalS3;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.testkit.contract.Records;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Purging an owner removes the blobs in {@code DeleteObjects} requests of 1,000 keys, never one
 * {@code DeleteObject} per blob: every attempt the SDK transmits is counted (retries too). The records
 * are in memory; what is counted is S3's share of the purge.
 */
@ExtendWith(LocalS3.class)
@DisplayName("Requests made to S3 by a purge, counted per attempt by an SDK interceptor")
class S3PurgeRequestCountTest {

    private static final byte[] BODY = {1, 2, 3};

    private static final RequestLog requests = new RequestLog();
    private static TestBucket bucket;

    @BeforeAll
    static void connect(LocalS3.Endpoint s3) {
        bucket = TestBucket.create(s3, "purge-counts", requests);
    }

    @AfterAll
    static void disconnect() {
        bucket.close();
    }

    /** 1,000 photos with an original and a rendition; 5,000 with an original only, to keep the seeding short. */
    @ParameterizedTest(name = "{0} photos of {1} blob(s)")
    @CsvSource({"1000, 2", "5000, 1"})
    @DisplayName("purging an owner deletes its blobs 1,000 keys per DeleteObjects")
    void purgeDeletesBlobsAThousandPerRequest(int photos, int blobsPerPhoto) throws Exception {
        InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
        InMemoryPhotoRepository records = new InMemoryPhotoRepository(albums);
        Gallery gallery = Gallery.builder().albums(albums).photos(records).blobs(bucket.store()).build();
        UserId owner = Records.anOwner();
        // Two albums of unequal size: the batches must not restart per album.
        Album first = gallery.albums().create(owner, "First", "");
        Album second = gallery.albums().create(owner, "Second", "");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < photos; i++) {
            Photo photo = photoOf(owner, i % 3 == 0 ? first : second, blobsPerPhoto);
            records.create(photo);
            photo.derivatives().forEach(d -> keys.add(d.blobKey()));
        }
        putAll(keys);
        requests.clear();

        PurgeReport report = gallery.owners().purge(owner);

        int objects = keys.size();
        assertThat(report.photos()).isEqualTo(photos);
        assertThat(report.blobs()).isEqualTo(objects);
        assertThat(requests.count("DeleteObject")).as("single-object deletes").isZero();
        assertThat(requests.count("DeleteObjects")).as("DeleteObjects for %d objects", objects)
                .isLessThanOrEqualTo((objects + 999) / 1000);
        assertThat(bucket.store().list("photos/" + owner + "/", 10, Optional.empty()).items()).isEmpty();
    }

    /** A photo whose derivatives are its original and, past one blob, a 256-pixel rendition. */
    private static Photo photoOf(UserId owner, Album album, int blobs) {
        return Records.aPhoto(owner, album.id(), photo -> {
            String prefix = "photos/" + owner + "/" + photo.build().id() + "/";
            List<Derivative> derivatives = new ArrayList<>();
            derivatives.add(new Derivative(Derivative.ORIGINAL, prefix + "original", "image/jpeg", BODY.length,
                    Optional.empty()));
            if (blobs > 1) {
                derivatives.add(new Derivative(Derivative.thumbnailName(256), prefix + "256", "image/jpeg", BODY.length,
                        Optional.empty()));
            }
            photo.derivatives(derivatives);
        });
    }

    /** Eight uploads at a time: the seeding is not what is measured. */
    private static void putAll(List<String> keys) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (String key : keys) {
                puts.add(pool.submit(() -> bucket.store().put(key, new ByteArrayInputStream(BODY), BODY.length,
                        BlobAttributes.of("image/jpeg"))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
