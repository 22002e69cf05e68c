/**
 * The album, photo, user and session repositories on DynamoDB, built by
 * {@link dev.gallerykit.dynamodb.DynamoDbRepositories}.
 */
// The AWS SDK has no module descriptors; its jars declare stable Automatic-Module-Names.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.gallerykit.dynamodb {
    exports dev.gallerykit.dynamodb;

    requires transitive dev.gallerykit.api;
    requires transitive software.amazon.awssdk.services.dynamodb;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.enhanced.dynamodb;
    requires software.amazon.awssdk.retries.api;
}
