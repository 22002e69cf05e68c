package dev.gallerykit.sqs;

import dev.gallerykit.local.LocalSqs;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Clients for the endpoint of {@link LocalSqs}, or for the one the environment names, and throw-away queues on it. */
final class SqsConnection {

    private SqsConnection() {
    }

    static SqsClient client(LocalSqs.Endpoint endpoint, ExecutionInterceptor... interceptors) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .region(Region.of(endpoint.region()))
                .overrideConfiguration(o -> List.of(interceptors).forEach(o::addExecutionInterceptor));
        endpoint.uri().ifPresent(builder::endpointOverride);
        builder.credentialsProvider(endpoint.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build()));
        return builder.build();
    }

    /** A job queue on new queues named after {@code purpose}, created with their redrive policy. */
    static SqsJobQueue newJobQueue(SqsClient sqs, LocalSqs.Endpoint endpoint, String purpose, int maxReceives) {
        String name = endpoint.newQueueName(purpose);
        SqsJobQueue queue = SqsJobQueue.builder().client(sqs).queueName(name).deadLetterQueue(name + "-dead")
                .maxReceives(maxReceives).build();
        queue.createQueuesIfMissing();
        return queue;
    }

    /** Deletes the queues of a job queue where the endpoint keeps them (not a throw-away local one). */
    static void discard(SqsClient sqs, LocalSqs.Endpoint endpoint, String... queueNames) {
        if (endpoint.local()) {
            return;
        }
        for (String name : queueNames) {
            sqs.deleteQueue(b -> b.queueUrl(sqs.getQueueUrl(u -> u.queueName(name)).queueUrl()));
        }
    }
}
