package dev.gallerykit.sqs;

import dev.gallerykit.local.LocalSqs;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.memory.InMemoryShareRepository;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.testkit.GalleryContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The use cases end to end with the jobs of asynchronous ingest on SQS (a new queue and dead-letter
 * queue for each test that asks for one) and the records and blobs in memory.
 */
@ExtendWith(LocalSqs.class)
class SqsGalleryTest extends GalleryContract {

    private static LocalSqs.Endpoint endpoint;
    private static SqsClient sqs;

    @BeforeAll
    static void connect(LocalSqs.Endpoint sqsEndpoint) {
        endpoint = sqsEndpoint;
        sqs = SqsConnection.client(endpoint);
    }

    @AfterAll
    static void disconnect() {
        sqs.close();
    }

    private final InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(albums);
    private final List<String> queues = new ArrayList<>();

    @AfterEach
    void discardQueues() {
        SqsConnection.discard(sqs, endpoint, queues.toArray(String[]::new));
    }

    @Override
    protected AlbumRepository albumRepository() {
        return albums;
    }

    @Override
    protected PhotoRepository photoRepository() {
        return photos;
    }

    @Override
    protected BlobStore blobStore() {
        return new InMemoryBlobStore();
    }

    @Override
    protected ShareRepository shareRepository() {
        return new InMemoryShareRepository(albums);
    }

    @Override
    protected JobQueue jobQueue() {
        SqsJobQueue queue = SqsConnection.newJobQueue(sqs, endpoint, "gallery", 5);
        queues.add(queue.queueName());
        queues.add(queue.queueName() + "-dead");
        return queue;
    }
}
