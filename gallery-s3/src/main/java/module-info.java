/** The {@link dev.gallerykit.spi.BlobStore} on Amazon S3 or any S3-compatible store: {@link dev.gallerykit.s3.S3BlobStore}. */
// The AWS SDK has no module descriptors; its jars declare stable Automatic-Module-Names. The module is
// named like the SDK's own software.amazon.awssdk.services.s3, terminal digit included.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic", "module"})
module dev.gallerykit.s3 {
    exports dev.gallerykit.s3;

    requires transitive dev.gallerykit.api;
    requires transitive software.amazon.awssdk.auth;
    requires transitive software.amazon.awssdk.regions;
    requires transitive software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache;
    requires org.slf4j;
}
