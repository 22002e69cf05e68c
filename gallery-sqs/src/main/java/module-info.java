/**
 * The {@link dev.gallerykit.spi.JobQueue} and the {@link dev.gallerykit.spi.EventPublisher} on Amazon SQS or
 * an SQS-compatible server: {@link dev.gallerykit.sqs.SqsJobQueue}, {@link dev.gallerykit.sqs.SqsEventPublisher}.
 */
// The AWS SDK has no module descriptors; its jars declare stable Automatic-Module-Names.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic", "module"})
module dev.gallerykit.sqs {
    exports dev.gallerykit.sqs;

    requires transitive dev.gallerykit.api;
    requires transitive software.amazon.awssdk.auth;
    requires transitive software.amazon.awssdk.regions;
    requires transitive software.amazon.awssdk.services.sqs;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
}
