package dev.gallerykit.sqs;

import dev.gallerykit.local.LocalSqs;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.testkit.contract.JobQueueContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The job queue contract, unchanged, on a new queue and dead-letter queue per test. */
@ExtendWith(LocalSqs.class)
class SqsJobQueueContractTest extends JobQueueContract {

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

    @Override
    protected JobQueue newQueue(int maxReceives) {
        return SqsConnection.newJobQueue(sqs, endpoint, "contract", maxReceives);
    }

    @Override
    protected void discard(JobQueue queue) {
        String name = ((SqsJobQueue) queue).queueName();
        SqsConnection.discard(sqs, endpoint, name, name + "-dead");
    }
}
